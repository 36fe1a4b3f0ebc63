// repr(C), repr(packed), repr(align(N)), repr(transparent): sizes, field offsets, unaligned
// field reads and writes, over-aligned locals and heap allocations.
#![allow(dead_code)]
use std::hint::black_box as bb;
use std::mem::{align_of, offset_of, size_of};

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct C1 { a: u8, b: u32, c: u16, d: u64, e: u8 }

#[repr(C, packed)]
#[derive(Debug, Clone, Copy)]
struct P1 { a: u8, b: u32, c: u16, d: u64 }

#[repr(C, packed(2))]
#[derive(Clone, Copy)]
struct P2 { a: u8, b: u32, c: u8 }

#[repr(align(64))]
#[derive(Debug, Clone, Copy)]
struct A64 { x: u8, y: [u16; 3] }

#[repr(C, align(16))]
struct A16(u32);

#[repr(transparent)]
#[derive(Debug, Clone, Copy)]
struct Wrap(f64);

#[inline(never)]
fn bump(p: &mut P1) { let b = p.b; p.b = b + 1; let d = p.d; p.d = d * 2; }

#[inline(never)]
fn takes_wrap(w: Wrap) -> Wrap { Wrap(w.0 * 2.0) }

fn main() {
    println!("C1 {} {} {:?}", size_of::<C1>(), align_of::<C1>(), (offset_of!(C1, a), offset_of!(C1, b), offset_of!(C1, c), offset_of!(C1, d), offset_of!(C1, e)));
    println!("P1 {} {} {:?}", size_of::<P1>(), align_of::<P1>(), (offset_of!(P1, b), offset_of!(P1, c), offset_of!(P1, d)));
    println!("P2 {} {} {}", size_of::<P2>(), align_of::<P2>(), offset_of!(P2, c));
    println!("A64 {} {} / A16 {} {}", size_of::<A64>(), align_of::<A64>(), size_of::<A16>(), align_of::<A16>());
    let mut p = bb(P1 { a: 1, b: 0xdead_beef, c: 7, d: 1 << 40 });
    bump(&mut p);
    let (b, d) = (p.b, p.d);
    println!("{} {:#x} {} {}", p.a, b, { p.c }, d);
    let p2 = bb(P2 { a: 9, b: 123456, c: 3 });
    println!("{} {} {}", p2.a, { p2.b }, p2.c);
    let arr = [A64 { x: 1, y: [2, 3, 4] }, A64 { x: 5, y: [6, 7, 8] }];
    println!("{} {:?}", (&arr[1] as *const A64 as usize) % 64, arr[bb(1)]);
    let boxed = Box::new(A64 { x: 9, y: [1; 3] });
    println!("{} {:?}", (&*boxed as *const A64 as usize) % 64, boxed);
    let v: Vec<A16> = (0..5).map(A16).collect();
    println!("{} {}", v.iter().all(|a| (a as *const A16 as usize) % 16 == 0), v.iter().map(|a| a.0).sum::<u32>());
    println!("{:?} {}", takes_wrap(bb(Wrap(1.25))), size_of::<Wrap>());
    let c = bb(C1 { a: 1, b: 2, c: 3, d: 4, e: 5 });
    println!("{:?}", c);
    let bytes: [u8; 15] = unsafe { std::mem::transmute(bb(P1 { a: 0xaa, b: 0x11223344, c: 0x5566, d: 0x778899aabbccddee })) };
    println!("{:x?}", bytes);
}
