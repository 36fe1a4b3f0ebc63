//! Dense f64 matrix multiply, naive i-k-j loop order over row-major Vecs (auto-vectorization,
//! bounds-check elimination), then a transpose-and-dot variant.

use std::hint::black_box;

fn matmul(a: &[f64], b: &[f64], c: &mut [f64], n: usize) {
    for i in 0..n {
        let row = &mut c[i * n..(i + 1) * n];
        for k in 0..n {
            let aik = a[i * n + k];
            let brow = &b[k * n..(k + 1) * n];
            for (cij, bkj) in row.iter_mut().zip(brow) {
                *cij += aik * bkj;
            }
        }
    }
}

fn matmul_transposed(a: &[f64], b: &[f64], c: &mut [f64], n: usize) {
    let mut bt = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            bt[j * n + i] = b[i * n + j];
        }
    }
    for i in 0..n {
        for j in 0..n {
            let ra = &a[i * n..(i + 1) * n];
            let rb = &bt[j * n..(j + 1) * n];
            c[i * n + j] = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
        }
    }
}

fn main() {
    let n: usize = black_box(400);
    let a: Vec<f64> = (0..n * n).map(|i| ((i * 7 + 3) % 101) as f64 / 101.0).collect();
    let b: Vec<f64> = (0..n * n).map(|i| ((i * 13 + 5) % 97) as f64 / 97.0 - 0.5).collect();
    let mut c = vec![0.0; n * n];
    for _ in 0..black_box(48) {
        matmul(&a, &b, &mut c, n);
    }
    let mut d = vec![0.0; n * n];
    matmul_transposed(&a, &b, &mut d, n);
    let trace: f64 = (0..n).map(|i| c[i * n + i]).sum();
    let sum_c: f64 = c.iter().sum();
    let sum_d: f64 = d.iter().sum();
    println!("n={n} trace={trace:.6} sum_c={sum_c:.6} sum_d={sum_d:.6}");
}
