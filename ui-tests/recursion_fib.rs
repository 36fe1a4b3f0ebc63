// Recursion: naive fib, mutual recursion, Ackermann, deep recursion (stack use), recursion over
// a boxed tree, memoized fib with u128, tail-recursive accumulator, Euclid's gcd.
use std::hint::black_box as bb;

fn fib(n: u32) -> u64 { if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) } }
fn is_even(n: u32) -> bool { if n == 0 { true } else { is_odd(n - 1) } }
fn is_odd(n: u32) -> bool { if n == 0 { false } else { is_even(n - 1) } }
fn ack(m: u64, n: u64) -> u64 { match (m, n) { (0, n) => n + 1, (m, 0) => ack(m - 1, 1), (m, n) => ack(m - 1, ack(m, n - 1)) } }
fn depth(n: u32, pad: [u8; 64]) -> u32 { if n == 0 { pad[0] as u32 } else { depth(n - 1, pad) + (pad[(n % 64) as usize] & 1) as u32 } }
fn gcd(a: u64, b: u64) -> u64 { if b == 0 { a } else { gcd(b, a % b) } }
fn sum_acc(n: u64, acc: u64) -> u64 { if n == 0 { acc } else { sum_acc(n - 1, acc + n) } }

enum Tree { Leaf(i32), Node(Box<Tree>, Box<Tree>) }
fn build(d: u32, v: &mut i32) -> Tree {
    if d == 0 { *v += 1; Tree::Leaf(*v) } else { Tree::Node(Box::new(build(d - 1, v)), Box::new(build(d - 1, v))) }
}
fn sum(t: &Tree) -> i64 { match t { Tree::Leaf(v) => *v as i64, Tree::Node(l, r) => sum(l) + sum(r) } }
fn height(t: &Tree) -> u32 { match t { Tree::Leaf(_) => 0, Tree::Node(l, r) => 1 + height(l).max(height(r)) } }

fn memo(n: usize, cache: &mut Vec<Option<u128>>) -> u128 {
    if let Some(v) = cache[n] { return v; }
    let v = if n < 2 { n as u128 } else { memo(n - 1, cache) + memo(n - 2, cache) };
    cache[n] = Some(v);
    v
}

fn main() {
    println!("{}", fib(bb(25)));
    println!("{} {}", is_even(bb(1001)), is_odd(bb(777)));
    println!("{}", ack(bb(2), bb(3)));
    println!("{}", ack(bb(3), bb(5)));
    let mut pad = [0u8; 64];
    pad.iter_mut().enumerate().for_each(|(i, p)| *p = i as u8);
    println!("{}", depth(bb(5000), pad));
    println!("{} {}", gcd(bb(1071), bb(462)), gcd(bb(2u64.pow(40)), bb(6u64.pow(15))));
    println!("{}", sum_acc(bb(10000), 0));
    let mut v = 0;
    let t = build(bb(12), &mut v);
    println!("{} {}", sum(&t), height(&t));
    let mut cache = vec![None; 187];
    println!("{}", memo(186, &mut cache));
}
