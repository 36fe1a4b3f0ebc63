// The README's first program: compile it with the backend and run it.
//   rustc -Zcodegen-backend=$PWD/target/release/librustc_codegen_inkwell.so examples/hello.rs -o target/hello
fn main() {
    println!("Hello from rustc_codegen_inkwell!");
    let squares: Vec<u64> = (1..=10).map(|n| n * n).collect();
    println!("squares: {squares:?}");
    println!("sum of squares: {}", squares.iter().sum::<u64>());
    println!("pi is about {:.5}", std::f64::consts::PI);
}
