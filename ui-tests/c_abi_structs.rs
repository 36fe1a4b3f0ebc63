// extern "C" functions defined in Rust taking and returning repr(C) structs of varied sizes and
// classes (INTEGER, SSE, mixed, MEMORY on x86_64 SysV), called through function pointers hidden
// behind black_box so that the C calling convention is used on both sides.
#![allow(improper_ctypes_definitions)] // char and an empty struct, on purpose
use std::hint::black_box as bb;

#[repr(C)] #[derive(Debug, Clone, Copy)] struct B1 { a: u8 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct B3 { a: u8, b: u8, c: u8 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct U2 { a: u32, b: u32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct F2 { a: f32, b: f32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct F3 { a: f32, b: f32, c: f32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct D2 { a: f64, b: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct L3 { a: u64, b: u64, c: u64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct FU { a: f32, b: u32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct DL { a: f64, b: i64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Mixed { a: u8, b: f64, c: u16, d: f32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Arr { v: [u16; 5] }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Nest { x: U2, y: F2 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Empty0 {}

extern "C" fn f_b1(x: B1) -> B1 { B1 { a: x.a.wrapping_mul(3) } }
extern "C" fn f_b3(x: B3) -> B3 { B3 { a: x.c, b: x.b, c: x.a } }
extern "C" fn f_u2(x: U2) -> U2 { U2 { a: x.b + 1, b: x.a * 2 } }
extern "C" fn f_f2(x: F2) -> F2 { F2 { a: x.a + x.b, b: x.a * x.b } }
extern "C" fn f_f3(x: F3) -> F3 { F3 { a: x.c, b: x.a, c: x.b + 0.5 } }
extern "C" fn f_d2(x: D2) -> D2 { D2 { a: x.b / 2.0, b: x.a - 1.0 } }
extern "C" fn f_l3(x: L3) -> L3 { L3 { a: x.c, b: x.a ^ x.b, c: x.a.wrapping_add(x.c) } }
extern "C" fn f_fu(x: FU) -> FU { FU { a: x.b as f32, b: x.a as u32 } }
extern "C" fn f_dl(x: DL) -> DL { DL { a: x.b as f64 * 0.5, b: x.a as i64 - 3 } }
extern "C" fn f_mixed(x: Mixed) -> Mixed { Mixed { a: x.a + 1, b: x.b * 3.0, c: x.c ^ 0xff, d: -x.d } }
extern "C" fn f_arr(x: Arr) -> Arr { let mut v = x.v; v.reverse(); Arr { v } }
extern "C" fn f_nest(x: Nest) -> Nest { Nest { x: U2 { a: x.y.a as u32, b: x.y.b as u32 }, y: F2 { a: x.x.a as f32, b: x.x.b as f32 } } }
extern "C" fn f_many(a: U2, b: F2, c: D2, d: L3, e: u8, f: f64, g: Mixed, h: i32, i: FU, j: f32, k: DL, l: i64) -> f64 {
    (a.a + a.b) as f64 + (b.a + b.b) as f64 + c.a + c.b + (d.a + d.b + d.c) as f64 + e as f64 + f
        + g.a as f64 + g.b + g.c as f64 + g.d as f64 + h as f64 + i.a as f64 + i.b as f64 + j as f64 + k.a + k.b as f64 + l as f64
}
extern "C" fn f_scalars(a: i8, b: u16, c: i32, d: u64, e: f32, f: f64, g: bool, h: char, i: i128) -> i128 {
    a as i128 + b as i128 + c as i128 + d as i128 + e as i128 + f as i128 + g as i128 + h as i128 + i
}
extern "C" fn f_empty(_: Empty0, x: u32) -> u32 { x + 1 }

fn main() {
    println!("{:?}", bb(f_b1 as extern "C" fn(B1) -> B1)(B1 { a: 100 }));
    println!("{:?}", bb(f_b3 as extern "C" fn(B3) -> B3)(B3 { a: 1, b: 2, c: 3 }));
    println!("{:?}", bb(f_u2 as extern "C" fn(U2) -> U2)(U2 { a: 10, b: 20 }));
    println!("{:?}", bb(f_f2 as extern "C" fn(F2) -> F2)(F2 { a: 1.5, b: -2.0 }));
    println!("{:?}", bb(f_f3 as extern "C" fn(F3) -> F3)(F3 { a: 1.0, b: 2.0, c: 3.0 }));
    println!("{:?}", bb(f_d2 as extern "C" fn(D2) -> D2)(D2 { a: 7.0, b: 9.0 }));
    println!("{:?}", bb(f_l3 as extern "C" fn(L3) -> L3)(L3 { a: 1 << 40, b: 12345, c: u64::MAX }));
    println!("{:?}", bb(f_fu as extern "C" fn(FU) -> FU)(FU { a: 2.75, b: 99 }));
    println!("{:?}", bb(f_dl as extern "C" fn(DL) -> DL)(DL { a: -8.5, b: 1 << 50 }));
    println!("{:?}", bb(f_mixed as extern "C" fn(Mixed) -> Mixed)(Mixed { a: 4, b: 0.125, c: 0x1234, d: 6.5 }));
    println!("{:?}", bb(f_arr as extern "C" fn(Arr) -> Arr)(Arr { v: [1, 2, 3, 4, 5] }));
    println!("{:?}", bb(f_nest as extern "C" fn(Nest) -> Nest)(Nest { x: U2 { a: 3, b: 4 }, y: F2 { a: 5.5, b: 6.5 } }));
    let many = bb(f_many as extern "C" fn(U2, F2, D2, L3, u8, f64, Mixed, i32, FU, f32, DL, i64) -> f64);
    println!("{}", many(U2 { a: 1, b: 2 }, F2 { a: 3.0, b: 4.0 }, D2 { a: 5.0, b: 6.0 }, L3 { a: 7, b: 8, c: 9 }, 10, 11.0,
        Mixed { a: 12, b: 13.0, c: 14, d: 15.0 }, -16, FU { a: 17.0, b: 18 }, 19.0, DL { a: 20.0, b: 21 }, -22));
    let sc = bb(f_scalars as extern "C" fn(i8, u16, i32, u64, f32, f64, bool, char, i128) -> i128);
    println!("{}", sc(-1, 65535, -100000, 1 << 60, 2.5, -7.9, true, 'A', -(1 << 100)));
    println!("{}", bb(f_empty as extern "C" fn(Empty0, u32) -> u32)(Empty0 {}, 41));
    // Direct calls too, which the optimizer may inline.
    println!("{:?} {:?}", f_d2(D2 { a: 1.0, b: 2.0 }), f_l3(L3 { a: 1, b: 2, c: 3 }));
}
