// The Rust ABI: many scalar arguments, large structs by value, returning large structs and
// tuples, ScalarPair arguments (slices, &str, (u64, u64)), zero-sized arguments, and recursion.
use std::hint::black_box as bb;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Big { a: [u64; 8], tag: u8, f: f64 }

#[derive(Debug)]
struct Zst;

#[inline(never)]
fn many(a: u8, b: i16, c: u32, d: i64, e: u128, f: f32, g: f64, h: bool, i: char, j: usize, k: i8, l: u16, m: i32, n: u64, o: f32, p: f64) -> f64 {
    a as f64 + b as f64 + c as f64 + d as f64 + e as f64 + f as f64 + g + h as u8 as f64 + i as u32 as f64 + j as f64 + k as f64 + l as f64 + m as f64 + n as f64 + o as f64 + p
}

#[inline(never)]
fn big_in_out(x: Big, y: Big, z: Zst, s: &str, sl: &[u32], pair: (u64, u64)) -> Big {
    let mut r = x;
    for i in 0..8 { r.a[i] = x.a[i] * 2 + y.a[7 - i] + sl.len() as u64 + pair.0 * pair.1; }
    r.tag = s.len() as u8;
    r.f = x.f - y.f;
    let _ = z;
    r
}

#[inline(never)]
fn tuple_ret(n: u32) -> (u8, u64, f32, [u16; 3], String) { (n as u8, n as u64 * 1_000_000_007, n as f32 / 3.0, [n as u16; 3], n.to_string()) }

#[inline(never)]
fn rec(depth: u32, acc: Big) -> Big {
    if depth == 0 { return acc; }
    let mut next = acc;
    next.a[(depth % 8) as usize] += depth as u64;
    next.f += 0.5;
    rec(depth - 1, next)
}

fn main() {
    println!("{}", bb(many as fn(u8, i16, u32, i64, u128, f32, f64, bool, char, usize, i8, u16, i32, u64, f32, f64) -> f64)(
        1, -2, 3, -4, 5, 6.5, 7.25, true, 'a', 9, -10, 11, -12, 13, 14.0, 15.5));
    let x = Big { a: [1, 2, 3, 4, 5, 6, 7, 8], tag: 0, f: 1.5 };
    let y = Big { a: [10; 8], tag: 1, f: 0.25 };
    let r = bb(big_in_out as fn(Big, Big, Zst, &str, &[u32], (u64, u64)) -> Big)(x, y, Zst, "hello", &[1, 2, 3], (3, 4));
    println!("{:?}", r);
    println!("{:?}", tuple_ret(bb(77)));
    println!("{:?}", rec(bb(100), x));
    println!("{}", r == big_in_out(x, y, Zst, "hello", &[1, 2, 3], (3, 4)));
    println!("{:?}", Zst);
}
