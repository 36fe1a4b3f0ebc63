// Number formatting and parsing: i128/u128 Display at the extremes, every width's MIN/MAX,
// float shortest round-trip output, exponent forms, padding with signs, radix parsing.
use std::hint::black_box as bb;

fn main() {
    println!("{} {}", i128::MIN, i128::MAX);
    println!("{} {:x} {:o}", u128::MAX, u128::MAX, bb(u128::MAX / 3));
    println!("{:>45} {:<+45}|", bb(i128::MIN + 1), bb(10i128.pow(30)));
    println!("{} {} {} {} {} {} {} {}", i8::MIN, i16::MIN, i32::MIN, i64::MIN, u8::MAX, u16::MAX, u32::MAX, u64::MAX);
    println!("{} {} {:?}", isize::MIN, usize::MAX, (i8::MAX, i16::MAX, i32::MAX, i64::MAX));
    for x in [bb(0.1f64), 1.0 / 3.0, 2.0f64.sqrt(), 1e100, 1.7976931348623157e308, 5e-324, 123456789.125, -0.0] {
        println!("{} {:?} {:e} {:.3} {:.17}", x, x, x, x, x);
    }
    for x in [bb(0.1f32), 1.0 / 3.0, 16777216.0, 3.4028235e38, 1e-45, 7.0e-10] {
        println!("{} {:?} {:e}", x, x, x);
    }
    println!("{:?} {:?}", i64::from_str_radix("-zz", 36), u32::from_str_radix("ffffffff", 16));
    println!("{:?} {:?}", "340282366920938463463374607431768211456".parse::<u128>().is_err(), "-0".parse::<i8>());
    println!("{:?} {:?} {:?}", "1e-7".parse::<f64>(), "inf".parse::<f64>(), "  5".trim().parse::<u8>());
    println!("{:?}", "0.1000000000000000055511151231257827".parse::<f64>());
    let mut s = String::new();
    for i in (-3i64..=3).map(|i| i * 1_000_000_007) { s += &format!("{i:+012}|"); }
    println!("{s}");
    println!("{:#034b}", bb(0xdead_beefu32));
    println!("{:#06x} {:#X}", bb(255u16), bb(-1i16));
    println!("{}", bb(123456789u32).to_string().chars().rev().collect::<String>());
}
