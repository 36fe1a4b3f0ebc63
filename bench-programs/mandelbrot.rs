//! Mandelbrot set (after the Benchmarks Game): escape-time iteration in f64, packed into a
//! bitmap; the checksum is a hash of the bitmap.

use std::hint::black_box;

fn main() {
    let size: usize = black_box(4000);
    let bytes_per_row = size.div_ceil(8);
    let mut bitmap = vec![0u8; bytes_per_row * size];
    let inv = 2.0 / size as f64;
    for y in 0..size {
        let ci = y as f64 * inv - 1.0;
        let row = &mut bitmap[y * bytes_per_row..(y + 1) * bytes_per_row];
        for x in 0..size {
            let cr = x as f64 * inv - 1.5;
            let (mut zr, mut zi, mut tr, mut ti) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
            let mut i = 0;
            while i < 50 && tr + ti <= 4.0 {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                i += 1;
            }
            if tr + ti <= 4.0 {
                row[x / 8] |= 0x80 >> (x % 8);
            }
        }
    }
    // FNV-1a over the bitmap, plus the number of points inside the set.
    let hash = bitmap.iter().fold(0xcbf29ce484222325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    let inside: u32 = bitmap.iter().map(|b| b.count_ones()).sum();
    println!("{size}x{size} inside={inside} fnv={hash:016x}");
}
