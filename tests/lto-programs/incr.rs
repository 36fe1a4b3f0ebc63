//! The program of the incremental ThinLTO test (tests/lto.rs). The test writes it with two
//! values filled in, then edits one of them and rebuilds: `HEAVY_SALT` is in a function too big
//! to be imported anywhere, `TINY_VALUE` in one that `user` imports.

mod heavy {
    #[inline(never)]
    pub fn heavy(data: &[u64]) -> u64 {
        let mut h: u64 = HEAVY_SALT;
        for (i, &x) in data.iter().enumerate() {
            h ^= x.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left((i % 63) as u32);
            h = h.wrapping_add(h >> 7).wrapping_mul(31);
            if h % 3 == 0 {
                h ^= h << 13;
            } else if h % 5 == 1 {
                h = h.wrapping_sub(x ^ 0xDEAD_BEEF);
            } else {
                h = h.rotate_right(11) ^ (x << 3);
            }
            match (h & 7) as u8 {
                0 => h += 1,
                1 => h ^= 0xFF,
                2 => h = h.wrapping_mul(3),
                3 => h = !h,
                4 => h >>= 1,
                5 => h = h.wrapping_add(x),
                _ => h = h.swap_bytes(),
            }
        }
        h
    }
}

mod tiny {
    pub fn tiny() -> u64 {
        TINY_VALUE
    }
}

mod user {
    pub fn user(n: u64) -> u64 {
        (0..n).map(|i| crate::tiny::tiny().wrapping_mul(i)).fold(0, |a, b| a ^ b.rotate_left(5))
    }
}

mod text {
    pub fn describe(v: u64) -> String {
        format!("value {v:#x} has {} ones", v.count_ones())
    }
}

mod sums {
    pub fn squares(n: u64) -> u64 {
        (1..=n).map(|i| i * i).sum()
    }
}

fn main() {
    let data: Vec<u64> = (0..64).collect();
    println!("{}", text::describe(heavy::heavy(&data)));
    println!("{}", text::describe(user::user(std::hint::black_box(10))));
    println!("{}", sums::squares(std::hint::black_box(20)));
}
