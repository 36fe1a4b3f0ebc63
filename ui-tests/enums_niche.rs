// Enum layouts: niches (Option<&T>, Option<NonZero>, Option<bool>, Option<char>), explicit
// discriminants (signed, large, repr(u8/i64)), nested enums, data-carrying variants, casts.
use std::hint::black_box as bb;
use std::mem::size_of;
use std::num::{NonZeroU32, NonZeroU8, NonZeroI64};

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
enum Small { A = 1, B = 5, C = 200 }

#[derive(Debug, Clone, Copy)]
#[repr(i64)]
enum Wide { Neg = -3, Big = 1 << 40, Zero = 0 }

#[derive(Debug, Clone, Copy)]
enum Implicit { X = -2, Y, Z = 10, W }

#[derive(Debug)]
enum Shape { Circle(f64), Rect { w: u32, h: u32 }, Empty, Tagged(Small, Option<bool>) }

#[derive(Debug)]
enum Outer { In(Inner), Other(u8), Nothing }
#[derive(Debug)]
enum Inner { P(bool), Q(char), R }

#[inline(never)]
fn area(s: &Shape) -> f64 {
    match s {
        Shape::Circle(r) => r * r * 3.0,
        Shape::Rect { w, h } => (*w * *h) as f64,
        Shape::Empty => 0.0,
        Shape::Tagged(t, b) => *t as u8 as f64 + b.map_or(0.5, |b| b as u8 as f64),
    }
}

#[inline(never)]
fn classify(o: &Outer) -> u32 {
    match o {
        Outer::In(Inner::P(true)) => 1,
        Outer::In(Inner::P(false)) => 2,
        Outer::In(Inner::Q(c)) => *c as u32,
        Outer::In(Inner::R) => 3,
        Outer::Other(n) => 100 + *n as u32,
        Outer::Nothing => 4,
    }
}

fn main() {
    println!("{} {} {} {}", size_of::<Option<&u8>>(), size_of::<Option<NonZeroU32>>(), size_of::<Option<bool>>(), size_of::<Option<char>>());
    println!("{} {} {}", size_of::<Option<Option<bool>>>(), size_of::<Outer>(), size_of::<Option<Box<u8>>>());
    let x = 5u8;
    let refs = [Some(&x), None];
    for r in bb(refs) { println!("{:?}", r.copied()); }
    let nz = [NonZeroU32::new(bb(0)), NonZeroU32::new(bb(7))];
    println!("{:?} {:?}", nz, NonZeroU8::new(bb(255)).map(|n| n.get()));
    println!("{:?}", NonZeroI64::new(bb(-9)).map(|n| n.leading_zeros()));
    for s in [Small::A, Small::B, Small::C] { print!("{:?}={} ", s, bb(s) as u8); }
    println!();
    for w in [Wide::Neg, Wide::Big, Wide::Zero] { print!("{:?}={} ", w, bb(w) as i64); }
    println!();
    for i in [Implicit::X, Implicit::Y, Implicit::Z, Implicit::W] { print!("{:?}={} ", i, bb(i) as i32); }
    println!();
    let shapes = [Shape::Circle(2.0), Shape::Rect { w: 3, h: 4 }, Shape::Empty, Shape::Tagged(Small::B, Some(true)), Shape::Tagged(Small::C, None)];
    for s in &shapes { println!("{:?} {}", s, area(bb(s))); }
    let outs = [Outer::In(Inner::P(true)), Outer::In(Inner::P(false)), Outer::In(Inner::Q('A')), Outer::In(Inner::R), Outer::Other(7), Outer::Nothing];
    for o in &outs { print!("{} ", classify(bb(o))); }
    println!();
    let oo: [Option<Option<bool>>; 4] = bb([None, Some(None), Some(Some(false)), Some(Some(true))]);
    for o in oo { print!("{:?} ", o); }
    println!();
    println!("{:?}", std::mem::discriminant(&shapes[1]) == std::mem::discriminant(&Shape::Rect { w: 0, h: 0 }));
    let r: Result<u32, Small> = bb(Err(Small::C));
    println!("{:?} {}", r, size_of::<Result<u32, Small>>());
    let c: Option<char> = bb(Some('ß'));
    println!("{:?} {:?}", c, c.map(|c| c as u32));
}
