// C-like enums: plain, with explicit discriminants, with a repr; `ptype` of one.

//@ gdb-command: break gdb_c_enums.rs:43
//@ gdb-command: run
//@ gdb-command: print dir
//@ gdb-command: print status
//@ gdb-command: print level
//@ gdb-command: print all
//@ gdb-command: print dir == gdb_c_enums::Direction::West
//@ gdb-command: ptype dir
//@ gdb-command: ptype gdb_c_enums::Status
//@ gdb-command: print sizeof(level)

#[derive(Clone, Copy)]
enum Direction {
    North,
    East,
    South,
    West,
}

#[derive(Clone, Copy)]
enum Status {
    Ok = 200,
    NotFound = 404,
    Teapot = 418,
}

#[derive(Clone, Copy)]
#[repr(i8)]
enum Level {
    Low = -1,
    Mid = 0,
    High = 1,
}

fn main() {
    let dir = Direction::West;
    let status = Status::Teapot;
    let level = Level::Low;
    let all = [Direction::North, Direction::East, Direction::South, Direction::West];
    let _ = (Status::Ok, Status::NotFound, Level::Mid, Level::High);
    std::hint::black_box((dir, status, level, all));
}

//@ gdb-check: $1 = gdb_c_enums::Direction::West
//@ gdb-check: $2 = gdb_c_enums::Status::Teapot
//@ gdb-check: $3 = gdb_c_enums::Level::Low
//@ gdb-check: $4 = [gdb_c_enums::Direction::North, gdb_c_enums::Direction::East, gdb_c_enums::Direction::South, gdb_c_enums::Direction::West]
//@ gdb-check: $5 = true
//@ gdb-check: type = enum gdb_c_enums::Direction {
//@ gdb-check: North,
//@ gdb-check: West,
//@ gdb-check: type = enum gdb_c_enums::Status {
//@ gdb-check: Ok,
//@ gdb-check: NotFound,
//@ gdb-check: Teapot,
//@ gdb-check: $6 = 1
