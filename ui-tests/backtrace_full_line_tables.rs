//@ run-fail
//@ compile-flags: -Cdebuginfo=line-tables-only
//@ run-env: RUST_BACKTRACE=full
//@ lto: fat thin
// RUST_BACKTRACE=full with line tables (addresses masked): every frame, std's too, through a
// trait object and a panic inside a nested closure.

trait Shape {
    fn area(&self) -> u64;
}

struct Square(u64);

impl Shape for Square {
    fn area(&self) -> u64 {
        let check = |v: u64| {
            let nested = || if v > 10 { panic!("too big: {v}") } else { v * v };
            nested()
        };
        check(self.0)
    }
}

#[inline(never)]
fn total(shapes: &[Box<dyn Shape>]) -> u64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(3)), Box::new(Square(4 + std::env::args().count() as u64 * 10))];
    println!("start");
    println!("{}", total(&shapes));
}
