// Two threads increment a static without synchronization when run with the argument `race`;
// otherwise the second increments only after joining the first.
use std::hint::black_box;

static mut COUNTER: u64 = 0;

fn bump() {
    for _ in 0..1000 {
        unsafe {
            let p = &raw mut COUNTER;
            p.write_volatile(black_box(p.read_volatile() + 1));
        }
    }
}

fn main() {
    let race = std::env::args().nth(1).as_deref() == Some("race");
    let t = std::thread::spawn(bump);
    if race {
        bump();
    }
    t.join().unwrap();
    if !race {
        bump();
    }
    println!("{}", unsafe { (&raw const COUNTER).read() });
}
