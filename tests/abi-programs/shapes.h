/* Argument and return shapes of the x86-64 SysV ABI: integer classes of every size, SSE
   classes, mixed INTEGER/SSE eightbytes, structs passed in memory, packed and array members,
   128-bit integers. The same layouts are declared in abi_c.rs. */
#include <stdint.h>

typedef struct { uint8_t a; } S1;
typedef struct { uint16_t a; uint8_t b; } S3;
typedef struct { uint32_t a, b; } S8;
typedef struct { uint64_t a; uint32_t b; } S12;
typedef struct { uint64_t a, b; } S16;
typedef struct { uint64_t a, b, c; } S24;
typedef struct { float x, y; } F2;
typedef struct { float x, y, z; } F3;
typedef struct { double x, y; } D2;
typedef struct { double x; int32_t i; } DI;
typedef struct { int32_t i; float f; } IF;
typedef struct { float f; int8_t c; double d; } FCD;
typedef struct { double a, b, c, d; } D4;
typedef struct __attribute__((packed)) { uint8_t a; uint32_t b; } P5;
typedef struct { uint8_t bytes[7]; } A7;
typedef struct { __int128 v; } I128;
typedef struct {} Empty;
