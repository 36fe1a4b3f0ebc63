//@ opt-levels: 0 1 2 3 s z
// Generic functions, structs and traits with associated types and consts, monomorphization over
// many types, custom Iterator impls, impl Trait, trait static dispatch with where clauses.
use std::hint::black_box as bb;
use std::ops::Add;

trait Zero { const ZERO: Self; }
impl Zero for i32 { const ZERO: Self = 0; }
impl Zero for f64 { const ZERO: Self = 0.0; }
impl Zero for u8 { const ZERO: Self = 0; }

fn total<T: Zero + Add<Output = T> + Copy>(xs: &[T]) -> T { xs.iter().fold(T::ZERO, |a, &b| a + b) }

struct Fib { a: u64, b: u64 }
impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let r = self.a;
        self.a = self.b;
        self.b = self.b.checked_add(r)?;
        Some(r)
    }
}

struct Countdown<T>(T);
impl<T: Copy + PartialOrd + std::ops::Sub<Output = T> + From<u8>> Iterator for Countdown<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        if self.0 <= T::from(0) { return None; }
        let v = self.0;
        self.0 = self.0 - T::from(1);
        Some(v)
    }
}

#[derive(Debug)]
struct Pair<T> { a: T, b: T }
impl<T: PartialOrd + Copy> Pair<T> { fn largest(&self) -> T { if self.a > self.b { self.a } else { self.b } } }

trait Container { type Item; fn items(&self) -> Vec<Self::Item>; }
struct Bag(Vec<&'static str>);
impl Container for Bag { type Item = &'static str; fn items(&self) -> Vec<&'static str> { self.0.clone() } }
fn count<C: Container>(c: &C) -> usize where C::Item: std::fmt::Debug { c.items().len() }

fn evens(limit: u32) -> impl Iterator<Item = u32> { (0..limit).filter(|x| x % 2 == 0) }

fn main() {
    println!("{} {} {}", total(&[1i32, 2, 3]), total(&[0.5f64, 0.25]), total(&[bb(200u8).wrapping_sub(150), 7]));
    println!("{:?}", Fib { a: 0, b: 1 }.take(20).collect::<Vec<_>>());
    println!("{}", Fib { a: 0, b: 1 }.count());
    println!("{:?}", Fib { a: 0, b: 1 }.last());
    println!("{:?}", Countdown(bb(5u32)).collect::<Vec<_>>());
    println!("{:?}", Countdown(bb(3.5f64)).collect::<Vec<_>>());
    println!("{} {} {:?}", Pair { a: 3, b: 9 }.largest(), Pair { a: 'q', b: 'c' }.largest(), Pair { a: "x", b: "y" });
    println!("{}", count(&Bag(vec!["a", "b", "c"])));
    println!("{:?}", evens(bb(15)).map(|x| x * x).collect::<Vec<_>>());
    let words = ["apple", "bob", "kayak", "rust", "level"];
    let pals: Vec<_> = words.iter().filter(|w| w.chars().eq(w.chars().rev())).collect();
    println!("{pals:?}");
    let nested: Vec<Vec<u16>> = (1..5).map(|n| (0..n).collect()).collect();
    println!("{:?} {}", nested, nested.iter().flatten().map(|&x| x as u32).sum::<u32>());
    let mut it = (1..=3).peekable();
    while let Some(x) = it.next() { print!("{x}{} ", if it.peek().is_some() { "," } else { "." }); }
    println!();
    println!("{:?}", std::iter::successors(Some(1u32), |x| (*x < 500).then(|| x * 3)).collect::<Vec<_>>());
    println!("{:?}", std::iter::repeat("ab").take(3).collect::<String>());
}
