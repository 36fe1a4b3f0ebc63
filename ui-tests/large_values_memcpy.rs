// Large values moved by value: big arrays and structs passed, returned, stored in enums and
// Options, swapped, cloned, and compared; exercises memcpy/memset/memcmp lowering and sret.
use std::hint::black_box as bb;

#[derive(Clone, PartialEq, Debug)]
struct Big { data: [u32; 1024], tag: u8 }

#[derive(Clone)]
#[allow(dead_code)]
enum Msg { Small(u8), Large(Big), Huge(Box<[u64; 4096]>) }

#[inline(never)]
fn make(seed: u32) -> Big { let mut b = Big { data: [0; 1024], tag: seed as u8 }; for (i, d) in b.data.iter_mut().enumerate() { *d = seed.wrapping_mul(i as u32 + 1); } b }

#[inline(never)]
fn transform(mut b: Big) -> Big { b.data.reverse(); b.tag = b.tag.wrapping_add(1); b }

#[inline(never)]
fn checksum(b: &Big) -> u64 { b.data.iter().enumerate().map(|(i, &x)| (i as u64 + 1) * x as u64).sum::<u64>() + b.tag as u64 }

fn main() {
    let a = make(bb(3));
    let b = transform(a.clone());
    println!("{} {} {}", checksum(&a), checksum(&b), a == b);
    let mut msgs = vec![Msg::Small(1), Msg::Large(make(7)), Msg::Huge(Box::new([5; 4096]))];
    msgs.push(msgs[1].clone());
    let mut total = 0u64;
    for m in &msgs {
        total += match m { Msg::Small(x) => *x as u64, Msg::Large(b) => checksum(b), Msg::Huge(h) => h.iter().sum() };
    }
    println!("{total}");
    let (mut x, mut y) = (make(1), make(2));
    std::mem::swap(&mut x, &mut y);
    println!("{} {}", x.tag, y.tag);
    let opt: Option<Big> = if bb(true) { Some(make(9)) } else { None };
    println!("{:?}", opt.as_ref().map(checksum));
    let arr2: [[u16; 64]; 64] = std::array::from_fn(|i| std::array::from_fn(|j| (i * 64 + j) as u16));
    let copy = bb(arr2);
    println!("{} {}", copy[63][63], copy.iter().flatten().map(|&v| v as u64).sum::<u64>());
    let zeroed = [0u8; 10000];
    let filled = [0xffu8; 10000];
    println!("{} {}", bb(zeroed) == [0u8; 10000], bb(filled) < [0xffu8; 10000]);
    let v: Vec<Big> = (0..8).map(make).collect();
    let moved: Vec<Big> = v.into_iter().rev().map(transform).collect();
    println!("{:?}", moved.iter().map(|b| b.tag).collect::<Vec<_>>());
}
