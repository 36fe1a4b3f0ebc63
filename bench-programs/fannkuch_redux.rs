//! Fannkuch-redux (after the Benchmarks Game): permutations of small integer arrays, prefix
//! reversals, and branchy integer code.

use std::hint::black_box;

fn fannkuch(n: usize) -> (i32, i32) {
    let mut perm = vec![0i32; n];
    let mut perm1: Vec<i32> = (0..n as i32).collect();
    let mut count = vec![0usize; n];
    let mut max_flips = 0;
    let mut checksum = 0;
    let mut r = n;
    let mut perm_count = 0i64;
    loop {
        while r != 1 {
            count[r - 1] = r;
            r -= 1;
        }
        perm.copy_from_slice(&perm1);
        let mut flips = 0;
        let mut k = perm[0] as usize;
        while k != 0 {
            perm[..=k].reverse();
            flips += 1;
            k = perm[0] as usize;
        }
        max_flips = max_flips.max(flips);
        checksum += if perm_count % 2 == 0 { flips } else { -flips };
        // Next permutation in the order the benchmark prescribes.
        loop {
            if r == n {
                return (checksum, max_flips);
            }
            let first = perm1[0];
            perm1.copy_within(1..=r, 0);
            perm1[r] = first;
            count[r] -= 1;
            if count[r] > 0 {
                break;
            }
            r += 1;
        }
        perm_count += 1;
    }
}

fn main() {
    // n = 11 takes several seconds; n = 10, repeated, stays in the intended 0.3-1.5 s.
    let n = black_box(10);
    for _ in 0..black_box(3) {
        let (checksum, max_flips) = fannkuch(black_box(n));
        println!("{checksum}\nPfannkuchen({n}) = {max_flips}");
    }
}
