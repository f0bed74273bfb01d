"""Dump a sweep's results.h5 as xarray sees it (engine='h5netcdf') to JSON on stdout.

    python3 test/sweep/read_netcdf.py study/results.h5 [ENGINE]

ENGINE: an xarray backend, h5netcdf (default) or netcdf4 (netCDF-C's reader).

Output: {"dims": {name: size}, "variables": {name: {"dims", "dtype", "chunks", "attrs", "values"}},
"attrs"} (chunks: the HDF5 chunk shape, [] when not chunked)
for every coordinate and data variable, values flattened in C order, NaN as null. Floats are
written by Python's repr (the shortest decimal that reads back to the same double), so the caller
can compare them bit for bit. Also `"raw"`: the same variables read without CF decoding
(mask_and_scale=False), to see the integer storage of `stable` and `n_roots`.
"""

import json
import math
import sys

import numpy as np
import xarray as xr


def plain(value):
    """Attribute or element as JSON data (NaN → None)."""
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value


def dump(ds):
    return {
        "dims": {str(k): int(v) for k, v in ds.sizes.items()},
        "variables": {
            str(name): {
                "dims": [str(d) for d in var.dims],
                "dtype": str(var.dtype),
                "chunks": list(var.encoding.get("chunksizes") or []),
                "attrs": {str(k): plain(v) for k, v in var.attrs.items()},
                "values": [plain(v) for v in var.values.ravel().tolist()],
            }
            for name, var in ds.variables.items()
        },
        "attrs": {str(k): plain(v) for k, v in ds.attrs.items()},
    }


def main(path, engine="h5netcdf"):
    with xr.open_dataset(path, engine=engine) as ds:
        out = dump(ds)
    with xr.open_dataset(path, engine=engine, mask_and_scale=False) as ds:
        out["raw"] = dump(ds)["variables"]
    json.dump(out, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
