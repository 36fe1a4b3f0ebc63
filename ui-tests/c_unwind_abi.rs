// Unwinding across the "C-unwind" ABI: a Rust extern "C-unwind" function that panics, called
// directly and through a function pointer, is caught by catch_unwind with destructors run on the
// way; extern "C" functions that do not panic work as usual next to them.
use std::hint::black_box as bb;
use std::panic::catch_unwind;

struct Guard(&'static str);
impl Drop for Guard { fn drop(&mut self) { println!("drop {}", self.0); } }

extern "C-unwind" fn may_panic(x: i32) -> i32 {
    let _g = Guard("in may_panic");
    if x > 10 { panic!("too big: {x}"); }
    x * 2
}

extern "C" fn never_panics(x: i32) -> i32 { x + 1 }

#[inline(never)]
fn caller(f: extern "C-unwind" fn(i32) -> i32, x: i32) -> i32 {
    let _g = Guard("in caller");
    f(x) + 1
}

fn main() {
    println!("{}", may_panic(bb(3)));
    let r = catch_unwind(|| may_panic(bb(11)));
    println!("{:?}", r.map_err(|e| e.downcast_ref::<String>().cloned()));
    let fp = bb(may_panic as extern "C-unwind" fn(i32) -> i32);
    println!("{:?}", catch_unwind(|| caller(fp, bb(4))).is_ok());
    let r = catch_unwind(|| caller(fp, bb(40)));
    println!("{:?}", r.map_err(|e| e.downcast_ref::<String>().cloned()));
    println!("{}", bb(never_panics as extern "C" fn(i32) -> i32)(bb(41)));
}
