//@ compile-flags: -Coverflow-checks=on
//@ run-fail
//@ exit-status: 101
// With overflow checks on at every opt level, arithmetic overflow panics with the standard
// message (compared as stderr against the built-in backend) and exits with 101.
use std::hint::black_box as bb;

fn main() {
    let r = std::panic::catch_unwind(|| bb(i32::MIN) / bb(-1));
    println!("div overflow caught: {}", r.is_err());
    let r = std::panic::catch_unwind(|| bb(1u64) << bb(64));
    println!("shl overflow caught: {}", r.is_err());
    let r = std::panic::catch_unwind(|| -bb(i8::MIN));
    println!("neg overflow caught: {}", r.is_err());
    let a = bb(250u8);
    println!("before: {a}");
    let b = a + bb(10);
    println!("unreachable {b}");
}
