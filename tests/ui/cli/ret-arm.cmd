# arm: finish prints the value a function returns (r0, or r0:r1 for long long) by its DWARF base type, through
# typedefs and const; nothing for a void function
break nothing
break ch
break yes
break big
break neg
break sh
continue
finish
continue
finish
continue
finish
continue
finish
continue
finish
continue
finish
p $4 + 1
quit
