break square
continue
continue
