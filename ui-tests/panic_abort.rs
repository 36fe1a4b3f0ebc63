//@ lto: fat thin
//@ compile-flags: -Cpanic=abort
//@ run-fail
//@ exit-status: 134
// With -Cpanic=abort a panic prints its message and aborts (SIGABRT); Drop impls must not run.
struct Loud;
impl Drop for Loud { fn drop(&mut self) { println!("must not print"); } }

fn main() {
    let _l = Loud;
    println!("before");
    let v: Vec<u8> = vec![1, 2, 3];
    let i = std::hint::black_box(7);
    if v.len() < i { panic!("aborting: {} < {}", v.len(), i); }
    println!("unreachable");
}
