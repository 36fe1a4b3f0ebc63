// `as` casts between floats and integers saturate (and map NaN to 0); also float<->float casts
// and the to_int_unchecked-free paths, on every width.
use std::hint::black_box as bb;

macro_rules! casts {
    ($f:ty; $($t:ty),*) => {{
        let vals: [$f; 11] = [bb(0.0), bb(-0.9), bb(0.99), bb(-1.5), bb(255.5), bb(256.0), bb(-129.0),
                              bb(1e10), bb(-1e20), bb(<$f>::INFINITY), bb(<$f>::NAN)];
        $(
            print!("{} from {}:", stringify!($t), stringify!($f));
            for v in vals { print!(" {}", v as $t); }
            println!();
        )*
    }};
}

fn main() {
    casts!(f32; u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    casts!(f64; u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    let ints = [bb(0i64), 1, -1, i64::MAX, i64::MIN, 16777217, 9007199254740993];
    for i in ints {
        println!("{} {} {} {}", i as f32, i as f64, i as u64 as f32, i as u64 as f64);
    }
    println!("{} {}", bb(u32::MAX) as f32, bb(u64::MAX) as f64);
    println!("{:?} {:?}", bb(1e300f64) as f32, bb(-1e-300f64) as f32);
    println!("{:?} {:?}", bb(f64::NAN) as f32 == bb(f64::NAN) as f32, bb(3.4028235e38f32) as f64);
    println!("{:?}", bb(0.1f32) as f64);
    println!("{}", bb(2.5f64).round() as i32 + bb(-2.5f64).round() as i32);
    println!("{}", bb('Z') as u8 as f32);
}
