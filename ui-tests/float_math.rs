//@ opt-levels: 0 1 2 3 s z
// f32/f64 math: sqrt, powi, powf, sin/cos/tan, exp/exp2/ln/log2/log10, mul_add, floor, ceil,
// round, round_ties_even, trunc, fract, abs, copysign, min, max, hypot, atan2, clamp, rem_euclid.
// Inputs go through black_box so nothing is constant-folded by the host at compile time.
use std::hint::black_box as bb;

macro_rules! math {
    ($t:ty) => {{
        for &x in &[bb(0.0 as $t), bb(-0.0), bb(0.5), bb(-1.25), bb(2.0), bb(10.75), bb(-7.5), bb(1e-3), bb(<$t>::INFINITY), bb(<$t>::NAN)] {
            println!("{} {:?}: {:?} {:?} {:?} {:?} {:?} {:?}", stringify!($t), x, x.sqrt(), x.powi(bb(2)), x.powi(bb(-3)), x.powf(bb(1.5)), x.sin(), x.cos());
            println!("  {:?} {:?} {:?} {:?} {:?} {:?}", x.tan(), x.exp(), x.exp2(), x.ln(), x.log2(), x.log10());
            println!("  {:?} {:?} {:?} {:?} {:?} {:?} {:?}", x.floor(), x.ceil(), x.round(), x.round_ties_even(), x.trunc(), x.fract(), x.abs());
            println!("  {:?} {:?} {:?} {:?} {:?}", x.copysign(bb(-1.0)), x.min(bb(1.0)), x.max(bb(1.0)), x.mul_add(bb(3.0), bb(0.25)), x.hypot(bb(3.0)));
            println!("  {:?} {:?} {:?} {:?}", x.atan2(bb(2.0)), x.clamp(bb(-1.0), bb(1.0)), x.rem_euclid(bb(3.0)), x.signum());
        }
        println!("{:?} {:?}", <$t>::NAN.min(bb(1.0)), bb(1.0 as $t).max(<$t>::NAN));
    }};
}

fn main() {
    math!(f32);
    math!(f64);
    let mut acc = 0.0f64;
    for i in 1..bb(2000) { acc += (i as f64).sqrt().sin() / i as f64; }
    println!("{acc:?}");
}
