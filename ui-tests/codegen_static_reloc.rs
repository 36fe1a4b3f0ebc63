//@ compile-flags: -Crelocation-model=static -Ccode-model=large
// A non-PIE executable in the large code model: statics, thread-locals, function pointers and
// trait objects must all be addressed correctly without position independence.
use std::cell::Cell;
use std::hint::black_box as bb;

static TABLE: [u32; 8] = [3, 1, 4, 1, 5, 9, 2, 6];
static mut COUNTER: u64 = 0;
thread_local!(static LOCAL: Cell<u32> = const { Cell::new(10) });

trait Shape {
    fn area(&self) -> f64;
}
struct Square(f64);
struct Circle(f64);
impl Shape for Square {
    fn area(&self) -> f64 { self.0 * self.0 }
}
impl Shape for Circle {
    fn area(&self) -> f64 { 3.0 * self.0 * self.0 }
}

fn double(x: u32) -> u32 { x * 2 }
fn square(x: u32) -> u32 { x * x }

fn main() {
    let ops: [fn(u32) -> u32; 2] = [double, square];
    let sum: u32 = TABLE.iter().map(|&x| ops[bb(x as usize) % 2](x)).sum();
    println!("sum: {sum}");
    for i in 0..5 {
        unsafe { COUNTER += bb(i) };
    }
    println!("counter: {}", unsafe { COUNTER });
    LOCAL.with(|l| l.set(l.get() + bb(5)));
    let from_thread = std::thread::spawn(|| LOCAL.with(|l| l.get())).join().unwrap();
    println!("local: {} thread: {from_thread}", LOCAL.with(|l| l.get()));
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(2.0)), Box::new(Circle(1.5))];
    println!("areas: {:?}", shapes.iter().map(|s| s.area()).collect::<Vec<_>>());
}
