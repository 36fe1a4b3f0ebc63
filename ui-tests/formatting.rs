// std::fmt: Debug/Display, {:#?}, {:#x}/{:#b}/{:o}/{:e}, width, fill, alignment, precision,
// sign, zero padding, named and positional args, custom Display with padding, write! to String.
#![allow(dead_code)]
use std::fmt::{self, Write};
use std::hint::black_box as bb;

struct Money(i64);
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = format!("${}.{:02}", self.0 / 100, self.0 % 100);
        f.pad(&s)
    }
}
#[derive(Debug)]
struct Rec<'a> { id: u32, tags: Vec<&'a str>, inner: Option<(f32, char)> }

fn main() {
    let n = bb(255u32);
    println!("{n} {n:x} {n:X} {n:#x} {n:#b} {n:o} {n:#o} {n:e}");
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}] [{:*^9}] [{:05}] [{:+}]", 42, 42, 42, 42, "mid", -7, 7);
    println!("[{:08.3}] [{:.0}] [{:10.2e}] [{:+.1}] [{:.*}]", -3.14159, 2.5f64, 1234.5, 0.05, 3, 1.0f32 / 3.0);
    let x = bb(1.0e-7f64);
    println!("{} {:?} {} {:?} {}", x, x, 1e21f64, 1e15f64, f64::MIN_POSITIVE);
    println!("{} {} {} {:?}", f32::MAX, f64::EPSILON, 0.3f32, -0.0f64);
    println!("{:?} {:?} {:?}", f64::NAN, f64::INFINITY, 100000000000000000000.0f64);
    println!("{0} {1} {0} {name} {name:>w$}", "a", "b", name = "nm", w = 6);
    println!("[{:>10}] [{:<10}] [{:^10}]", Money(12345), Money(-5), Money(7));
    let r = Rec { id: 3, tags: vec!["x", "yz"], inner: Some((0.5, 'q')) };
    println!("{r:?}");
    println!("{r:#?}");
    println!("{:?} {:?} {:?}", "quote\"tab\t\u{7f}é", 'x', '\n');
    println!("{:#x?}", [1u8, 200, 17]);
    let mut s = String::new();
    for i in 0..5 { write!(s, "{i:>3}|").unwrap(); }
    writeln!(s, "end").unwrap();
    print!("{s}");
    println!("{:>+08.2} {:<#6x} {:^#12b}", 3.14159f32, 10u8, 5i8);
    println!("{:?} {:?}", (1, "two", [3.0]), Some(Ok::<u8, ()>(4)));
    println!("{}", format_args!("{} {}", 1, 2));
    println!("{:10.3?}|{:<8?}|", 1.0f64, Some(1));
    println!("{:e} {:E} {:e}", 0.00012345f64, 6.02e23f64, 0u32);
    println!("{:p}", std::ptr::null::<u8>());
}
