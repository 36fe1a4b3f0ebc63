//@ run-fail
//@ exit-status: 101
// Integer division and remainder by zero panic (even without overflow checks), for several
// widths; float division by zero does not.
use std::hint::black_box as bb;
use std::panic::catch_unwind;

fn main() {
    println!("{}", bb(1.0f64) / bb(0.0));
    println!("{}", catch_unwind(|| bb(7u8) % bb(0)).is_err());
    println!("{}", catch_unwind(|| bb(7i128) / bb(0)).is_err());
    println!("{}", catch_unwind(|| bb(i64::MIN) % bb(-1)).is_err());
    println!("{:?}", bb(5u32).checked_div(bb(0)));
    let d = bb(0u32);
    println!("about to divide");
    println!("{}", bb(100u32) / d);
}
