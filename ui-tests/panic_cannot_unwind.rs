//@ run-fail
//@ exit-status: 134
// A panic escaping an extern "C" function (which cannot unwind) aborts the process with
// "panic in a function that cannot unwind", after running the panic hook; catch_unwind in the
// caller does not help. The default hook would print a forced backtrace (addresses differ run to
// run), so a hook prints the messages instead.
use std::hint::black_box as bb;

extern "C" fn bad(x: u32) -> u32 {
    if x > 5 { panic!("escaping extern C with {x}"); }
    x
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload_as_str().unwrap_or("?");
        eprintln!("hook: {msg}");
    }));
    println!("{}", bad(bb(1)));
    let f = bb(bad as extern "C" fn(u32) -> u32);
    let r = std::panic::catch_unwind(|| f(bb(9)));
    println!("not reached {:?}", r.is_err());
}
