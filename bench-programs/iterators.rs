//! Iterator and closure heavy code: adapter chains (map/filter/zip/windows/chunks/flat_map/
//! scan/fold), boxed closures called through dyn Fn, and generic higher-order functions.

use std::hint::black_box;

fn apply_all(fs: &[Box<dyn Fn(u64) -> u64>], x: u64) -> u64 {
    fs.iter().fold(x, |acc, f| f(acc))
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

fn round(data: &[u32], offset: u64) -> String {
    let n = data.len();
    let a: u64 = data.iter().filter(|&&x| x % 3 != 0).map(|&x| (x as u64) * (x as u64 & 0xff)).sum();
    let b: u64 = data.windows(4).map(|w| w.iter().copied().max().unwrap() as u64 - *w.iter().min().unwrap() as u64).sum();
    let c: u64 = data
        .chunks(16)
        .flat_map(|ch| ch.iter().step_by(3))
        .scan(offset, |s, &x| {
            *s = s.wrapping_mul(6364136223846793005).wrapping_add(x as u64);
            Some(*s >> 40)
        })
        .fold(0u64, |acc, x| acc ^ x.rotate_left((acc & 63) as u32));
    let d = data.iter().zip(data.iter().rev()).enumerate().filter(|(i, _)| i % 7 == 0).map(|(_, (x, y))| (*x ^ *y) as u64).max().unwrap();
    let e = data.iter().position(|&x| x == data[n - 3]).unwrap() as u64;

    let fs: Vec<Box<dyn Fn(u64) -> u64>> = vec![
        Box::new(move |x| x.wrapping_add(offset)),
        Box::new(|x| x.rotate_left(5)),
        Box::new(compose(|x: u64| x ^ 0x5555, |x: u64| x.wrapping_mul(3))),
        Box::new(|x| x >> 1 | x << 63),
    ];
    let f: u64 = data.iter().take(n / 2).map(|&x| apply_all(&fs, x as u64)).fold(0, u64::wrapping_add);

    let mut sorted_idx: Vec<usize> = (0..1000).collect();
    sorted_idx.sort_by_key(|&i| std::cmp::Reverse(data[i * 7 + offset as usize]));
    let g: usize = sorted_idx.iter().enumerate().map(|(rank, &i)| rank * i).sum();

    format!("a={a} b={b} c={c:x} d={d} e={e} f={f:x} g={g}")
}

fn main() {
    let n: usize = black_box(3_000_000);
    let mut data: Vec<u32> = (0..n as u32).map(|i| i.wrapping_mul(2654435761) >> 7).collect();
    for r in 0..black_box(32u64) {
        data[(r as usize * 7919) % n] ^= r as u32 + 1;
        println!("{}", round(&data, r));
    }
}
