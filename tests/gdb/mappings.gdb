break main
continue
info proc mappings
continue
