//@ lto: fat thin
// Trait objects: vtable dispatch, supertraits, default methods, dyn with generics, trait upcasting,
// Box<dyn>, &mut dyn, drop through a vtable, size_of_val through a vtable.
use std::fmt::Debug;
use std::hint::black_box as bb;

trait Named { fn name(&self) -> String; }
trait Animal: Named + Debug {
    fn legs(&self) -> u32;
    fn describe(&self) -> String { format!("{} has {} legs", self.name(), self.legs()) }
    fn grow(&mut self) {}
}

#[derive(Debug)] struct Dog { age: u8 }
#[derive(Debug)] struct Bird;
#[derive(Debug)] struct Spider([u64; 4]);

impl Named for Dog { fn name(&self) -> String { format!("dog({})", self.age) } }
impl Named for Bird { fn name(&self) -> String { "bird".into() } }
impl Named for Spider { fn name(&self) -> String { format!("spider{:?}", self.0) } }
impl Animal for Dog { fn legs(&self) -> u32 { 4 } fn grow(&mut self) { self.age += 1; } }
impl Animal for Bird { fn legs(&self) -> u32 { 2 } fn describe(&self) -> String { "a bird".into() } }
impl Animal for Spider { fn legs(&self) -> u32 { 8 } }

impl Drop for Spider { fn drop(&mut self) { println!("drop spider {}", self.0[0]); } }

#[inline(never)]
fn all(zoo: &[Box<dyn Animal>]) -> u32 { zoo.iter().map(|a| a.legs()).sum() }

fn as_named(a: &dyn Animal) -> &dyn Named { a }

trait Shape { fn area(&self) -> f64; }
impl<T: Into<f64> + Copy> Shape for (T, T) { fn area(&self) -> f64 { self.0.into() * self.1.into() } }

fn main() {
    let mut zoo: Vec<Box<dyn Animal>> = vec![Box::new(Dog { age: 3 }), Box::new(Bird), Box::new(Spider([7, 0, 0, 1]))];
    for a in zoo.iter_mut() { a.grow(); }
    for a in &zoo { println!("{} / {:?} / {}", a.describe(), a, as_named(&**a).name()); }
    println!("{}", all(bb(&zoo)));
    println!("{:?}", zoo.iter().map(|a| std::mem::size_of_val(&**a)).collect::<Vec<_>>());
    let shapes: [&dyn Shape; 3] = [&(2u8, 3u8), &(1.5f32, 2.0f32), &(0.5f64, 8.0f64)];
    println!("{:?}", shapes.iter().map(|s| s.area()).collect::<Vec<_>>());
    let d: &mut dyn Animal = &mut Dog { age: 10 };
    d.grow();
    println!("{}", d.describe());
    let popped = zoo.pop();
    println!("popped {}", popped.as_ref().map(|a| a.legs()).unwrap_or(0));
    drop(popped);
    let dbg: Box<dyn Debug> = Box::new(Spider([1, 2, 3, 4]));
    println!("{:?}", dbg);
    println!("end");
}
