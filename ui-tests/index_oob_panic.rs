//@ run-fail
//@ exit-status: 101
// Out-of-bounds indexing on an array, a Vec, a slice range and a str range panic with the
// standard messages; the last one is uncaught and ends the process with 101.
use std::hint::black_box as bb;
use std::panic::catch_unwind;

fn main() {
    let arr = [1, 2, 3];
    println!("{}", catch_unwind(|| arr[bb(5)]).is_err());
    let v = vec![1u8; 4];
    println!("{}", catch_unwind(|| v[bb(2)..bb(9)].len()).is_err());
    println!("{}", catch_unwind(|| v[bb(3)..bb(1)].len()).is_err());
    println!("{}", catch_unwind(|| &"héllo"[bb(0)..bb(2)] == "h").is_err());
    let s: &[u64] = &[10, 20];
    println!("last ok: {}", s[bb(1)]);
    println!("{}", s[bb(2)]);
}
