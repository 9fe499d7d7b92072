break sum_to
continue
x/4i $pc
stepi
x/i $pc
stepi
info registers pc
next
next
next
next
next
next
print s
print i
continue
