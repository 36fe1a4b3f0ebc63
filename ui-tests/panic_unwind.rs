//@ lto: fat thin
// Unwinding: catch_unwind with payload downcasts, Drop during unwinding (in order), nested panics
// caught at several levels, panics in threads seen through join, resume_unwind, and a panic hook
// that prints deterministically (the default hook's output is compared as stderr).
use std::panic;

struct Guard(&'static str);
impl Drop for Guard { fn drop(&mut self) { println!("drop {}", self.0); } }

#[inline(never)]
fn deep(n: u32) -> u32 {
    let _g = Guard(if n % 2 == 0 { "even" } else { "odd" });
    if n == 0 { panic!("bottom reached"); }
    deep(n - 1) + 1
}

fn main() {
    let r = panic::catch_unwind(|| deep(3));
    println!("caught: {:?}", r.map_err(|e| e.downcast_ref::<&str>().map(|s| s.to_string())));
    let r = panic::catch_unwind(|| {
        let _a = Guard("outer");
        let v: Vec<u32> = Vec::new();
        let inner = panic::catch_unwind(|| { let _b = Guard("inner"); panic!("formatted {}", std::hint::black_box(42)) });
        println!("inner: {:?}", inner.map_err(|e| e.downcast::<String>().map(|s| *s).ok()));
        v[3]
    });
    println!("outer is_err: {}", r.is_err());
    let h = std::thread::spawn(|| { let _g = Guard("thread"); panic!("in thread") });
    let j = h.join();
    println!("join: {:?}", j.map_err(|e| e.downcast_ref::<&str>().copied()));
    let r = panic::catch_unwind(|| panic::resume_unwind(Box::new(17u64)));
    println!("resume: {:?}", r.map_err(|e| e.downcast_ref::<u64>().copied()));
    panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().copied().unwrap_or("?");
        println!("hook: {msg} at line {}", info.location().map_or(0, |l| l.line()));
    }));
    let r = panic::catch_unwind(|| { panic!("with hook") });
    println!("{}", r.is_err());
    let _ = panic::take_hook();
    let mut v = vec![Guard("v0"), Guard("v1")];
    let r = panic::catch_unwind(panic::AssertUnwindSafe(|| { v.push(Guard("v2")); let x: Option<u8> = None; x.expect("expect failed") }));
    println!("{} {}", r.is_err(), v.len());
    println!("end");
}
