// Zero-sized types: Vec<()> with a huge length, arrays of ZSTs, ZST fields in structs and enum
// variants, PhantomData markers, ZST closures and fn items, Box<ZST>, iteration over ZST slices,
// and uninhabited-variant enums (Result<T, Infallible>).
use std::convert::Infallible;
use std::hint::black_box as bb;
use std::marker::PhantomData;
use std::mem::size_of;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Unit;

#[derive(Debug)]
struct Meters<T> { v: f64, _unit: PhantomData<T> }
#[derive(Debug)]
struct Km;

#[derive(Debug)]
enum WithZst { A(Unit, Unit), B([u8; 0]), C(u16, PhantomData<String>) }

struct Zdrop(u8);
impl Drop for Zdrop { fn drop(&mut self) {} }

fn main() {
    let mut v: Vec<()> = Vec::new();
    for _ in 0..bb(1_000_000) { v.push(()); }
    println!("{} {} {}", v.len(), v.capacity() >= v.len(), v.iter().count());
    let arr = [Unit; 1000];
    println!("{} {:?}", size_of::<[Unit; 1000]>(), arr.iter().filter(|u| **u == Unit).count());
    let m: Meters<Km> = Meters { v: 1.5, _unit: PhantomData };
    println!("{:?} {}", m, size_of::<Meters<Km>>());
    for w in [WithZst::A(Unit, Unit), WithZst::B([]), WithZst::C(7, PhantomData)] { print!("{:?} ", w); }
    println!("{}", size_of::<WithZst>());
    let b = Box::new(Unit);
    println!("{:?} {}", b, size_of::<Box<Unit>>());
    let f = |x: u8| x + 1;
    println!("{} {} {}", size_of_val(&f), size_of_val(&main), f(bb(1)));
    let r: Result<u32, Infallible> = Ok(bb(9));
    let Ok(n) = r;
    println!("{n} {}", size_of::<Result<u32, Infallible>>());
    let units: Vec<Unit> = (0..5).map(|_| Unit::default()).collect();
    println!("{:?}", units);
    let tuple = ((), Unit, [(); 3], PhantomData::<u8>);
    println!("{:?} {}", tuple, size_of_val(&tuple));
    println!("{}", size_of::<Zdrop>() + size_of::<Option<Infallible>>());
    let mut zs: Vec<[u64; 0]> = vec![[]; 10];
    zs.retain(|_| true);
    zs.dedup();
    println!("{}", zs.len());
}
