//@ exit-status: 42
// std::process::exit with a non-zero code: stdout written before must be flushed, destructors
// of live locals do not run.
struct D;
impl Drop for D { fn drop(&mut self) { println!("not printed"); } }

fn main() {
    let _d = D;
    println!("exiting with {}", 40 + std::hint::black_box(2));
    eprintln!("to stderr");
    std::process::exit(std::hint::black_box(42));
}
