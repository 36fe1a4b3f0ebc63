// Integers of every width, signed and unsigned, at their limits and in between.

//@ gdb-command: break gdb_ints.rs:29
//@ gdb-command: run
//@ gdb-command: info locals
//@ gdb-command: print i128_min
//@ gdb-command: print u128_max
//@ gdb-command: print i8_neg
//@ gdb-command: print/d u8_max
//@ gdb-command: ptype i128_min
//@ gdb-command: ptype usize_v
//@ gdb-command: print i32_v + 1

fn main() {
    let i8_neg: i8 = -128;
    let u8_max: u8 = 255;
    let i16_v: i16 = -12345;
    let u16_v: u16 = 54321;
    let i32_v: i32 = -2_000_000_000;
    let u32_v: u32 = 4_000_000_000;
    let i64_v: i64 = -9_000_000_000_000_000_000;
    let u64_v: u64 = 18_000_000_000_000_000_000;
    let i128_min: i128 = i128::MIN;
    let u128_max: u128 = u128::MAX;
    let i128_small: i128 = -42;
    let isize_v: isize = -7;
    let usize_v: usize = 7;
    std::hint::black_box((i8_neg, u8_max, i16_v, u16_v, i32_v, u32_v, i64_v, u64_v));
    std::hint::black_box((i128_min, u128_max, i128_small, isize_v, usize_v));
}

//@ gdb-check: usize_v = 7
//@ gdb-check: isize_v = -7
//@ gdb-check: i128_small = -42
//@ gdb-check: u128_max = 340282366920938463463374607431768211455
//@ gdb-check: i128_min = -170141183460469231731687303715884105728
//@ gdb-check: u64_v = 18000000000000000000
//@ gdb-check: i64_v = -9000000000000000000
//@ gdb-check: u32_v = 4000000000
//@ gdb-check: i32_v = -2000000000
//@ gdb-check: u16_v = 54321
//@ gdb-check: i16_v = -12345
//@ gdb-check: u8_max = 255
//@ gdb-check: i8_neg = -128
//@ gdb-check: $1 = -170141183460469231731687303715884105728
//@ gdb-check: $2 = 340282366920938463463374607431768211455
//@ gdb-check: $3 = -128
//@ gdb-check: $4 = -1
//@ gdb-check: type = i128
//@ gdb-check: type = usize
//@ gdb-check: $5 = -1999999999
