// checked_*, overflowing_*, saturating_*, wrapping_* on every width.
use std::hint::black_box as bb;

macro_rules! each {
    ($($t:ty),*) => {$({
        let a: $t = bb(<$t>::MAX - 1);
        let b: $t = bb(3);
        let m: $t = bb(<$t>::MIN);
        println!("{} add {:?} {:?} {} {}", stringify!($t), a.checked_add(b), a.overflowing_add(b), a.saturating_add(b), a.wrapping_add(b));
        println!("{} sub {:?} {:?} {} {}", stringify!($t), m.checked_sub(b), m.overflowing_sub(b), m.saturating_sub(b), m.wrapping_sub(b));
        println!("{} mul {:?} {:?} {} {}", stringify!($t), a.checked_mul(b), a.overflowing_mul(b), a.saturating_mul(b), a.wrapping_mul(b));
        println!("{} div {:?} {:?} {:?}", stringify!($t), a.checked_div(bb(0)), m.checked_div(bb(0 as $t).wrapping_sub(1)), m.overflowing_div(b));
        println!("{} rem {:?} {:?}", stringify!($t), a.checked_rem(b), a.checked_rem(bb(0)));
        println!("{} neg {:?} {:?} {}", stringify!($t), m.checked_neg(), b.overflowing_neg(), m.wrapping_neg());
        println!("{} shl {:?} {:?} {}", stringify!($t), b.checked_shl(<$t>::BITS), b.overflowing_shl(<$t>::BITS + 1), b.wrapping_shl(<$t>::BITS + 2));
        println!("{} pow {:?} {} {}", stringify!($t), b.checked_pow(60), b.saturating_pow(60), b.wrapping_pow(60));
    })*};
}

fn main() {
    each!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    println!("{:?}", bb(i32::MIN).checked_abs());
    println!("{:?}", bb(i64::MIN).overflowing_abs());
    println!("{:?}", bb(200u8).checked_next_power_of_two());
    println!("{:?}", bb(100u8).checked_next_power_of_two());
    println!("{:?}", bb(-3i32).checked_div_euclid(2));
    println!("{}", bb(250u8).saturating_add_signed(-300i16 as i8));
    println!("{:?}", bb(5u32).checked_sub(6));
    println!("{:?}", bb(u64::MAX).carrying_add_stub());
}

trait Stub { fn carrying_add_stub(self) -> (u64, bool); }
impl Stub for u64 {
    fn carrying_add_stub(self) -> (u64, bool) {
        let (s, c1) = self.overflowing_add(bb(1));
        let (s, c2) = s.overflowing_add(c1 as u64);
        (s, c1 | c2)
    }
}
