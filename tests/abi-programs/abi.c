#include <stdarg.h>
#include <stdio.h>
#include "shapes.h"

/* Rust side, called back from C. */
S1 rust_s1(S1);
S3 rust_s3(S3);
S8 rust_s8(S8);
S12 rust_s12(S12);
S16 rust_s16(S16);
S24 rust_s24(S24);
F2 rust_f2(F2);
F3 rust_f3(F3);
D2 rust_d2(D2);
DI rust_di(DI);
IF rust_if(IF);
FCD rust_fcd(FCD);
D4 rust_d4(D4);
P5 rust_p5(P5);
A7 rust_a7(A7);
__int128 rust_i128(__int128, I128);
float rust_f32(float, double, int8_t, uint16_t, int64_t);
double rust_many(int32_t, double, S16, F3, S24, int64_t, float, DI, uint8_t, S8, double, D2, int32_t,
                 float, float, float, float, float, float, double, int64_t, int64_t);
int64_t rust_variadic(int32_t count, ...);

S1 c_s1(S1 v) { v.a += 1; return v; }
S3 c_s3(S3 v) { v.a += 1; v.b += 2; return v; }
S8 c_s8(S8 v) { v.a += 1; v.b += 2; return v; }
S12 c_s12(S12 v) { v.a += 1; v.b += 2; return v; }
S16 c_s16(S16 v) { v.a += 1; v.b += 2; return v; }
S24 c_s24(S24 v) { v.a += 1; v.b += 2; v.c += 3; return v; }
F2 c_f2(F2 v) { v.x += 1.5f; v.y *= 2; return v; }
F3 c_f3(F3 v) { v.x += 1.5f; v.y *= 2; v.z -= 0.25f; return v; }
D2 c_d2(D2 v) { v.x += 1.5; v.y *= 2; return v; }
DI c_di(DI v) { v.x += 1.5; v.i -= 7; return v; }
IF c_if(IF v) { v.i -= 7; v.f *= 3; return v; }
FCD c_fcd(FCD v) { v.f += 1; v.c -= 1; v.d /= 2; return v; }
D4 c_d4(D4 v) { v.a += 1; v.b += 2; v.c += 3; v.d += 4; return v; }
P5 c_p5(P5 v) { v.a += 1; v.b += 2; return v; }
A7 c_a7(A7 v) { for (int i = 0; i < 7; i++) v.bytes[i] += i; return v; }
__int128 c_i128(__int128 a, I128 b) { return a * 3 + b.v; }
float c_f32(float a, double b, int8_t c, uint16_t d, int64_t e) { return a + (float)b + c + d + (float)e; }
void c_empty(Empty e, int32_t *out) { (void)e; *out = 42; }
double c_many(int32_t a, double b, S16 c, F3 d, S24 e, int64_t f, float g, DI h, uint8_t i, S8 j, double k,
              D2 l, int32_t m, float n1, float n2, float n3, float n4, float n5, float n6, double o, int64_t p,
              int64_t q) {
    return a + b + (double)c.a + (double)c.b + d.x + d.y + d.z + (double)e.a + (double)e.b + (double)e.c + f
           + g + h.x + h.i + i + j.a + j.b + k + l.x + l.y + m + n1 + n2 + n3 + n4 + n5 + n6 + o + p + q;
}
int64_t c_variadic(int32_t count, ...) {
    va_list ap;
    va_start(ap, count);
    int64_t sum = 0;
    for (int32_t i = 0; i < count; i++) {
        if (i % 3 == 2) sum += (int64_t)(va_arg(ap, double) * 10);
        else if (i % 3 == 1) sum += va_arg(ap, int64_t);
        else sum += va_arg(ap, int32_t);
    }
    va_end(ap);
    return sum;
}

/* C calling every Rust function and printing what came back. */
void c_calls_rust(void) {
    S1 s1 = rust_s1((S1){10});
    S3 s3 = rust_s3((S3){300, 30});
    S8 s8 = rust_s8((S8){80000, 8});
    S12 s12 = rust_s12((S12){1ull << 40, 12});
    S16 s16 = rust_s16((S16){1ull << 50, 16});
    S24 s24 = rust_s24((S24){24, 1ull << 60, 240});
    F2 f2 = rust_f2((F2){1.25f, -2.5f});
    F3 f3 = rust_f3((F3){1.25f, -2.5f, 3.75f});
    D2 d2 = rust_d2((D2){1.125, -2.25});
    DI di = rust_di((DI){9.5, -100});
    IF iff = rust_if((IF){-100, 9.5f});
    FCD fcd = rust_fcd((FCD){1.5f, -3, 2.25});
    D4 d4 = rust_d4((D4){1, 2, 3, 4});
    P5 p5 = rust_p5((P5){5, 500000});
    A7 a7 = rust_a7((A7){{1, 2, 3, 4, 5, 6, 7}});
    __int128 i = rust_i128(((__int128)1 << 100) + 5, (I128){7});
    float f = rust_f32(1.5f, 2.25, -3, 40000, -5000000000ll);
    double many = rust_many(1, 2, (S16){3, 4}, (F3){5, 6, 7}, (S24){8, 9, 10}, 11, 12, (DI){13, 14}, 15,
                            (S8){16, 17}, 18, (D2){19, 20}, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
    int64_t va = rust_variadic(6, (int32_t)1, (int64_t)1 << 40, 2.5, (int32_t)-4, (int64_t)-9, 0.75);
    printf("c<-rust s1 %u s3 %u %u s8 %u %u s12 %llu %u s16 %llu %llu s24 %llu %llu %llu\n", s1.a, s3.a,
           s3.b, s8.a, s8.b, (unsigned long long)s12.a, s12.b, (unsigned long long)s16.a,
           (unsigned long long)s16.b, (unsigned long long)s24.a, (unsigned long long)s24.b,
           (unsigned long long)s24.c);
    printf("c<-rust f2 %g %g f3 %g %g %g d2 %g %g di %g %d if %d %g fcd %g %d %g d4 %g %g %g %g\n", f2.x,
           f2.y, f3.x, f3.y, f3.z, d2.x, d2.y, di.x, di.i, iff.i, iff.f, fcd.f, fcd.c, fcd.d, d4.a, d4.b,
           d4.c, d4.d);
    printf("c<-rust p5 %u %u a7 %u %u %u %u %u %u %u i128 %llx %llx f32 %g many %g va %lld\n", p5.a, p5.b,
           a7.bytes[0], a7.bytes[1], a7.bytes[2], a7.bytes[3], a7.bytes[4], a7.bytes[5], a7.bytes[6],
           (unsigned long long)(i >> 64), (unsigned long long)i, f, many, (long long)va);
    fflush(stdout);
}
