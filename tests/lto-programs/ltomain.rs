//! The program of the LTO tests (tests/lto.rs), linked with ltolib.

use std::sync::atomic::Ordering;

use ltolib::{Shape, Square};

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<String>().cloned().unwrap_or_default();
        println!("panic hook: {msg}");
    }));
    println!("constructor ran: {}", ltolib::INIT_RAN.load(Ordering::Relaxed));

    let mut acc = 0u64;
    for i in 0..1000 {
        acc = acc.wrapping_add(ltolib::compute(std::hint::black_box(i)));
    }
    println!("compute: {acc}, calls: {}", ltolib::CALLS.load(Ordering::Relaxed));
    ltolib::bump_table(3);
    println!("after bump: {}", ltolib::compute(std::hint::black_box(3)));

    let depths: Vec<u32> = (0..4)
        .map(|i| std::thread::spawn(move || ltolib::nested(i * 2)))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap())
        .collect();
    println!("thread-local depths: {depths:?}, main: {}", ltolib::DEPTH.with(|d| d.get()));

    println!("checked_double(21) = {}", ltolib::checked_double(21));
    let caught = std::panic::catch_unwind(|| ltolib::checked_double(std::hint::black_box(-1)));
    println!("caught a panic: {}", caught.is_err());

    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(2.0)), Box::new(Square(3.5))];
    println!("area {} of {}", ltolib::total_area(&shapes), shapes[1].name());
    println!("largest {} {}", ltolib::largest(&[3, 9, 2]), ltolib::largest(&[1.5, -2.0]));
    println!("exported: {}", ltolib::ltolib_exported(7));
}
