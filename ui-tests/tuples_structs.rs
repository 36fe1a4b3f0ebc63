// Tuples, tuple structs, named structs, unit structs, nested aggregates, field reordering,
// struct update syntax, derives (Debug, Clone, PartialEq, PartialOrd, Default, Hash-free).
#![allow(dead_code)]
use std::hint::black_box as bb;

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
struct Point { x: i32, y: i32 }

#[derive(Debug, Clone, PartialEq, Default)]
struct Mixed { a: u8, b: u64, c: u16, d: (u8, f32), e: [u8; 3], name: String }

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Meters(u32);

#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Nested { p: Point, q: (Point, Meters), r: Option<Box<Nested>> }

#[inline(never)]
fn swap_pair<A, B>(t: (A, B)) -> (B, A) { (t.1, t.0) }

#[inline(never)]
fn make(a: u8) -> Mixed {
    Mixed { a, b: a as u64 * 1000, d: (a, a as f32 / 2.0), e: [a, a + 1, a + 2], name: format!("m{a}"), ..Default::default() }
}

fn main() {
    let p = Point { x: bb(3), y: -4 };
    let q = Point { y: 10, ..p };
    println!("{p:?} {q:?} {} {:?}", p == q, p.partial_cmp(&q));
    println!("{:#?}", make(bb(7)));
    let m = make(1);
    let m2 = Mixed { c: 99, ..m.clone() };
    println!("{} {:?}", m == m2, m2);
    println!("{:?}", swap_pair((bb(1u8), "two")));
    println!("{:?}", swap_pair((Meters(5), (1.5f64, 'x', Unit))));
    let mut ms = vec![Meters(3), Meters(1), Meters(2)];
    ms.sort();
    println!("{ms:?} {:?}", ms.iter().max());
    let n = Nested { p, q: (q, Meters(9)), r: Some(Box::new(Nested { p: q, q: (p, Meters(1)), r: None })) };
    println!("{n:?}");
    let t: (u8, u16, u32, u64, u128, i8, bool, char) = bb((1, 2, 3, 4, 5, -6, true, 'z'));
    let (a, .., h) = t;
    println!("{t:?} {a} {h}");
    let big = bb(((1u64, 2u64), (3u64, (4u64, 5u64)), [6u64; 4]));
    println!("{:?} {}", big, (big.1).1.1 + big.2[3]);
    println!("{} {} {}", std::mem::size_of::<Mixed>() >= 40, std::mem::size_of::<Unit>(), std::mem::size_of::<(u8, u32, u8)>());
}
