// Float arithmetic and comparisons on f32 and f64: NaN, infinities, signed zero, subnormals,
// rem, total ordering, bit-level round trips.
use std::hint::black_box as bb;

fn main() {
    let xs32 = [bb(0.0f32), -0.0, 1.5, -2.25, 1e-40, f32::MAX, f32::MIN_POSITIVE, f32::INFINITY, f32::NAN, 3.1];
    let xs64 = [bb(0.0f64), -0.0, 1.5, -2.25, 5e-324, f64::MAX, f64::MIN_POSITIVE, f64::NEG_INFINITY, f64::NAN, 3.1];
    for &a in &xs32 {
        for &b in &xs32 {
            print!("{:?} {:?} {:?} {:?} {:?} {} {} {:?}|", a + b, a - b, a * b, a / b, a % b, a < b, a == b, a.partial_cmp(&b));
        }
        println!();
    }
    for &a in &xs64 {
        for &b in &xs64 {
            print!("{:?} {:?} {:?} {:?} {:?} {} {}|", a + b, a - b, a * b, a / b, a % b, a <= b, a != b);
        }
        println!();
    }
    println!("{} {}", bb(0.1f64) + bb(0.2), bb(0.1f32) + bb(0.2));
    println!("{:?} {:?}", (-bb(0.0f64)).to_bits(), bb(f32::NAN).is_sign_negative());
    println!("{:?}", f64::from_bits(bb(0x4009_21fb_5444_2d18)));
    println!("{:?}", bb(1.0f64).total_cmp(&bb(-0.0)));
    println!("{} {}", bb(1e308f64) * 10.0, -bb(1e38f32) * 10.0);
    println!("{}", bb(2.5f32).mul_add(bb(4.0), bb(0.5)));
    let mut v = vec![3.5f64, -1.0, f64::NAN, 0.0, -0.0, 2.0];
    v.sort_by(|a, b| a.total_cmp(b));
    println!("{:?}", v);
    let s: f32 = (1..=1000).map(|i| 1.0 / i as f32).sum();
    println!("{s}");
}
