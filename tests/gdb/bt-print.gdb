break show
continue
bt
print *p
print p->name
print p->x + p->y
up
info locals
print pt
print/x total
down
continue
