break main
continue
continue
