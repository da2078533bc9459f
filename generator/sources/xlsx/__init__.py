"""The Excel data source: the data workbook read with Sheet!Cell locations, and written back."""
