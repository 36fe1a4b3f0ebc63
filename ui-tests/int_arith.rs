// Integer arithmetic on every width: + - * / % shifts, bit ops, signed division rounding,
// comparisons and conversions between widths (sign/zero extension, truncation).
use std::hint::black_box as bb;

macro_rules! ops {
    ($($t:ty),*) => {$({
        let vals: [$t; 6] = [bb(0), bb(1), bb(7), bb(<$t>::MAX), bb(<$t>::MIN), bb(<$t>::MAX / 3)];
        let mut acc: $t = 0;
        for &a in &vals {
            for &b in &vals {
                acc = acc.wrapping_add(a.wrapping_mul(b)).wrapping_sub(a ^ b);
                acc ^= a & b | (a >> 1);
                if b != 0 {
                    acc = acc.wrapping_add(a.wrapping_div(b)).wrapping_add(a.wrapping_rem(b));
                }
                acc = acc.rotate_left(3) ^ (a << (b as u32 % <$t>::BITS));
                print!("{} ", (a < b) as u8 + (a == b) as u8 * 2 + (a >= b) as u8 * 4);
            }
        }
        println!();
        println!("{}: {}", stringify!($t), acc);
    })*};
}

fn main() {
    ops!(u8, i8, u16, i16, u32, i32, u64, i64, usize, isize);
    let n = bb(-7i32);
    println!("{} {} {} {}", n / 2, n % 2, n.div_euclid(2), n.rem_euclid(2));
    println!("{} {}", n >> 1, (n as u32) >> 1);
    let x = bb(-1i8);
    println!("{} {} {} {}", x as u8, x as i64, x as u64, (x as u8) as i64);
    let y = bb(0x1234_5678_9abc_def0u64);
    println!("{} {} {} {}", y as u8, y as i16, y as u32, y as i32);
    println!("{:?}", (bb(13u32).pow(5), bb(3i64).pow(20), bb(2u8).pow(7)));
    println!("{} {}", bb(1000u32).isqrt(), bb(99i64).abs_diff(-1));
    println!("{} {}", i32::MIN.unsigned_abs(), bb(-5i16).signum());
}
