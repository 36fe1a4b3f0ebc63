// Calls between Rust and C compiled by the system C compiler (abi.c), both ways, for every shape
// of shapes.h; abi.rs compares the output of this program built by each backend.
#![feature(c_variadic)]
#![allow(improper_ctypes, improper_ctypes_definitions)]

use std::ffi::VaList;
use std::hint::black_box as b;

#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct S1 { a: u8 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct S3 { a: u16, b: u8 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct S8 { a: u32, b: u32 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct S12 { a: u64, b: u32 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct S16 { a: u64, b: u64 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct S24 { a: u64, b: u64, c: u64 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct F2 { x: f32, y: f32 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct F3 { x: f32, y: f32, z: f32 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct D2 { x: f64, y: f64 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct DI { x: f64, i: i32 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct IF { i: i32, f: f32 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct FCD { f: f32, c: i8, d: f64 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct D4 { a: f64, b: f64, c: f64, d: f64 }
#[repr(C, packed)] #[derive(Clone, Copy)] pub struct P5 { a: u8, b: u32 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct A7 { bytes: [u8; 7] }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct I128 { v: i128 }
#[repr(C)] #[derive(Clone, Copy, Debug)] pub struct Empty {}

unsafe extern "C" {
    fn c_s1(v: S1) -> S1;
    fn c_s3(v: S3) -> S3;
    fn c_s8(v: S8) -> S8;
    fn c_s12(v: S12) -> S12;
    fn c_s16(v: S16) -> S16;
    fn c_s24(v: S24) -> S24;
    fn c_f2(v: F2) -> F2;
    fn c_f3(v: F3) -> F3;
    fn c_d2(v: D2) -> D2;
    fn c_di(v: DI) -> DI;
    fn c_if(v: IF) -> IF;
    fn c_fcd(v: FCD) -> FCD;
    fn c_d4(v: D4) -> D4;
    fn c_p5(v: P5) -> P5;
    fn c_a7(v: A7) -> A7;
    fn c_i128(a: i128, b: I128) -> i128;
    fn c_f32(a: f32, b: f64, c: i8, d: u16, e: i64) -> f32;
    fn c_empty(e: Empty, out: *mut i32);
    fn c_many(a: i32, b: f64, c: S16, d: F3, e: S24, f: i64, g: f32, h: DI, i: u8, j: S8, k: f64, l: D2, m: i32,
              n1: f32, n2: f32, n3: f32, n4: f32, n5: f32, n6: f32, o: f64, p: i64, q: i64) -> f64;
    fn c_variadic(count: i32, ...) -> i64;
    fn c_calls_rust();
}

#[unsafe(no_mangle)] pub extern "C" fn rust_s1(mut v: S1) -> S1 { v.a += 1; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_s3(mut v: S3) -> S3 { v.a += 1; v.b += 2; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_s8(mut v: S8) -> S8 { v.a += 1; v.b += 2; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_s12(mut v: S12) -> S12 { v.a += 1; v.b += 2; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_s16(mut v: S16) -> S16 { v.a += 1; v.b += 2; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_s24(mut v: S24) -> S24 { v.a += 1; v.b += 2; v.c += 3; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_f2(mut v: F2) -> F2 { v.x += 1.5; v.y *= 2.0; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_f3(mut v: F3) -> F3 { v.x += 1.5; v.y *= 2.0; v.z -= 0.25; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_d2(mut v: D2) -> D2 { v.x += 1.5; v.y *= 2.0; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_di(mut v: DI) -> DI { v.x += 1.5; v.i -= 7; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_if(mut v: IF) -> IF { v.i -= 7; v.f *= 3.0; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_fcd(mut v: FCD) -> FCD { v.f += 1.0; v.c -= 1; v.d /= 2.0; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_d4(mut v: D4) -> D4 { v.a += 1.0; v.b += 2.0; v.c += 3.0; v.d += 4.0; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_p5(mut v: P5) -> P5 { v.a += 1; v.b += 2; v }
#[unsafe(no_mangle)] pub extern "C" fn rust_a7(mut v: A7) -> A7 { for i in 0..7 { v.bytes[i] += i as u8; } v }
#[unsafe(no_mangle)] pub extern "C" fn rust_i128(a: i128, b: I128) -> i128 { a * 3 + b.v }
#[unsafe(no_mangle)] pub extern "C" fn rust_f32(a: f32, b: f64, c: i8, d: u16, e: i64) -> f32 {
    a + b as f32 + c as f32 + d as f32 + e as f32
}
#[unsafe(no_mangle)] pub extern "C" fn rust_many(a: i32, b: f64, c: S16, d: F3, e: S24, f: i64, g: f32, h: DI, i: u8, j: S8,
                                        k: f64, l: D2, m: i32, n1: f32, n2: f32, n3: f32, n4: f32, n5: f32,
                                        n6: f32, o: f64, p: i64, q: i64) -> f64 {
    a as f64 + b + c.a as f64 + c.b as f64 + (d.x + d.y + d.z) as f64 + e.a as f64 + e.b as f64 + e.c as f64
        + f as f64 + g as f64 + h.x + h.i as f64 + i as f64 + j.a as f64 + j.b as f64 + k + l.x + l.y + m as f64
        + (n1 + n2 + n3 + n4 + n5 + n6) as f64 + o + p as f64 + q as f64
}
#[unsafe(no_mangle)] pub unsafe extern "C" fn rust_variadic(count: i32, mut args: ...) -> i64 {
    sum_va(count, &mut args)
}

fn sum_va(count: i32, args: &mut VaList) -> i64 {
    let mut sum = 0i64;
    for i in 0..count {
        sum += unsafe {
            match i % 3 {
                2 => (args.next_arg::<f64>() * 10.0) as i64,
                1 => args.next_arg::<i64>(),
                _ => args.next_arg::<i32>() as i64,
            }
        };
    }
    sum
}

fn main() {
    unsafe {

        let p5 = c_p5(b(P5 { a: 5, b: 500000 }));
        let (p5a, p5b) = (p5.a, p5.b);
        println!("rust<-c {:?} {:?} {:?} {:?} {:?} {:?}", c_s1(b(S1 { a: 10 })), c_s3(b(S3 { a: 300, b: 30 })),
            c_s8(b(S8 { a: 80000, b: 8 })), c_s12(b(S12 { a: 1 << 40, b: 12 })), c_s16(b(S16 { a: 1 << 50, b: 16 })),
            c_s24(b(S24 { a: 24, b: 1 << 60, c: 240 })));
        println!("rust<-c {:?} {:?} {:?} {:?} {:?} {:?} {:?}", c_f2(b(F2 { x: 1.25, y: -2.5 })),
            c_f3(b(F3 { x: 1.25, y: -2.5, z: 3.75 })), c_d2(b(D2 { x: 1.125, y: -2.25 })),
            c_di(b(DI { x: 9.5, i: -100 })), c_if(b(IF { i: -100, f: 9.5 })), c_fcd(b(FCD { f: 1.5, c: -3, d: 2.25 })),
            c_d4(b(D4 { a: 1.0, b: 2.0, c: 3.0, d: 4.0 })));
        let mut out = 0;
        c_empty(b(Empty {}), &mut out);
        println!("rust<-c p5 {p5a} {p5b} {:?} {:x} {} empty {out}", c_a7(b(A7 { bytes: [1, 2, 3, 4, 5, 6, 7] })),
            c_i128(b((1i128 << 100) + 5), b(I128 { v: 7 })), c_f32(b(1.5), 2.25, -3, 40000, -5000000000));
        println!("rust<-c many {} va {}",
            c_many(1, 2.0, S16 { a: 3, b: 4 }, F3 { x: 5.0, y: 6.0, z: 7.0 }, S24 { a: 8, b: 9, c: 10 }, 11, 12.0,
                DI { x: 13.0, i: 14 }, 15, S8 { a: 16, b: 17 }, 18.0, D2 { x: 19.0, y: 20.0 }, 21, 22.0, 23.0,
                24.0, 25.0, 26.0, 27.0, 28.0, 29, 30),
            c_variadic(6, 1i32, 1i64 << 40, 2.5f64, -4i32, -9i64, 0.75f64));
        c_calls_rust();
    }
}
