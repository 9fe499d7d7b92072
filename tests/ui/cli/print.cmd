# expressions without running: symbols, casts, arithmetic, memory, assignment
p counter
p *(int*)&counter
p (long)counter
p &counter
p/x big
p (char)big
p 3+4*2
p (1 << 4) | 3
p 100 / 7
p -1
p/x -1
p (unsigned char)200
p sizeof(long)
p/t 10
p $sp == $sp
p greeting
x/s greeting
x/8xb &big
x/2xg &counter
x/2dw &counter
x/3c greeting
set var counter = 41
p counter
set {int}&counter = 7
p counter
p counter = counter * 2
p $
p $1 + $3
p $foo = 5
p $foo * $foo
p main
p nosuch
p 1 +
