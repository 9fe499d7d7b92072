break square
continue
kill
