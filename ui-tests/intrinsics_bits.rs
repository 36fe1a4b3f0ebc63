// Bit intrinsics on every width: count_ones/zeros, leading/trailing zeros and ones, swap_bytes,
// reverse_bits, rotate_left/right (amounts beyond the width too), to/from be/le bytes, ilog.
use std::hint::black_box as bb;

macro_rules! bits {
    ($($t:ty),*) => {$({
        for v in [bb(0 as $t), bb(1), bb(<$t>::MAX), bb(<$t>::MIN), bb(0x5a as $t), bb((<$t>::MAX / 3).wrapping_mul(7))] {
            println!("{} {:?}: {} {} {} {} {} {} {:?} {:?} {:?} {:?} {:?}",
                stringify!($t), v, v.count_ones(), v.count_zeros(), v.leading_zeros(), v.trailing_zeros(),
                v.leading_ones(), v.trailing_ones(), v.swap_bytes(), v.reverse_bits(),
                (v.rotate_left(bb(3)), v.rotate_right(bb(5)), v.rotate_left(bb(<$t>::BITS + 1))),
                v.to_be_bytes(), <$t>::from_le_bytes(v.to_be_bytes()));
            println!("  {:?} {:?} {} {}", v.checked_ilog2(), v.checked_ilog10(), v.is_power_of_two_stub(), <$t>::from_be(v) == v.swap_bytes());
        }
    })*};
}

trait Pow2 { fn is_power_of_two_stub(self) -> bool; }
macro_rules! p2 { ($($t:ty),*) => {$( impl Pow2 for $t { fn is_power_of_two_stub(self) -> bool { self != 0 && (self & self.wrapping_sub(1)) == 0 } } )*}; }
p2!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);

fn main() {
    bits!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    println!("{} {}", bb(1u32 << 20).is_power_of_two(), bb(100u64).next_power_of_two());
    println!("{:?}", (bb(0x1234u16).to_le(), bb(0x12345678u32).to_be()));
}
