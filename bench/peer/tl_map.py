"""The NumPy/SciPy peer of `ndtc sweep`: a vectorised T_L map (first root only), as a physicist would
write it in an afternoon, for bench/sweep-peer.bench.ts.

Model (docs/model.md §1–§6), setup 1 (T_bath fixed):
  R(T)/R0 = 1/G(T), G = ∫ N_S(E) (−∂f/∂E) dE with the Dynes DOS: composite Gauss–Legendre quadrature in
          x = E/k_BT, vectorised over a T grid (panels split at the gap edge and its width-Γ peak),
          then a cubic spline of ln G in ln(Tc/T);
  J_γ    = τ0 (I(a, T_L) − I(a, T_R)), I(a, T) = (ħa²/4π)(ln z − 1/(2z) − ψ(z)), z = ħa/(2πk_BT)
          (scipy.special.digamma; the closed form of docs/model.md §3);
  J_ph,N = Σ_N V_N (T_L^n − T_b^n);
  J_ph,S : NOT computed here. The input carries ndtc's own J_ph,S(T_L, T_b) on a fine T_L grid (a JSON
          dump made by the bench from the library's tables) and the peer interpolates it with a cubic
          spline: the peer's job is the T_L map, and J_ph,S is < 1e-3 of J_ph,N on this map.
Then F = J_in − J_γ − J_ph on a 41-point T_L grid (geometric in T_L − T_b, as ndtc's scan), the first
sign change per point, and bisection on all points at once to a 1e-9 K bracket.

Reads the map's description as JSON on stdin; writes JSON on stdout: CPU seconds (time.process_time)
of the tables and of the map (imports excluded), of the whole process, and the first root per point
(row-major, J_in slow). With "out" (a directory) in the input, it also writes the map there as
results.csv and results.h5 (xarray with h5netcdf), counted in the whole process.
"""

import json
import sys
import time

import numpy as np
from scipy.interpolate import CubicSpline
from scipy.special import digamma

KB = 1.380649e-23
HBAR = 1.054571817e-34
BCS = 1.764


def gap(T, Tc):
    """Δ(T) = 1.764 k_B Tc tanh(1.74 √(Tc/T − 1)), 0 at and above Tc (docs/model.md §1)."""
    t = np.minimum(T, Tc)
    return BCS * KB * Tc * np.tanh(1.74 * np.sqrt(np.maximum(Tc / t - 1, 0)))


def dynes(x, d, g):
    """N_S at x = E/k_BT for reduced gap d and broadening g (arrays broadcast)."""
    w = x - 1j * g
    return np.abs(np.real(w / np.sqrt(w * w - d * d + 0j)))


def resistance_spline(Tc, gamma, Tmin, n=400, order=16):
    """ln G(s), s = ln(Tc/T), from Gauss–Legendre quadrature on a T grid, as a cubic spline."""
    s = np.linspace(0, np.log(Tc / Tmin), n)
    T = Tc * np.exp(-s)
    kT = KB * T
    d = gap(T, Tc) / kT
    g = gamma * BCS * KB * Tc / kT
    # Panel edges per T: the thermal window x ≲ 30 and the Dynes peak at x = d of width g must be
    # resolved; the tail is cut at d + 60.
    offsets = np.array([-1e4, -1e3, -1e2, -10, -1, 0, 1, 10, 1e2, 1e3, 1e4])
    edges = np.concatenate(
        [np.zeros((n, 1)), np.broadcast_to([2.0, 8, 30], (n, 3)), 0.5 * d[:, None],
         d[:, None] + offsets[None, :] * g[:, None],
         d[:, None] + np.array([5, 20, 60])[None, :]], axis=1)
    edges = np.sort(np.clip(edges, 0, (d + 60)[:, None]), axis=1)
    xg, wg = np.polynomial.legendre.leggauss(order)
    a = edges[:, :-1, None]
    b = edges[:, 1:, None]
    x = 0.5 * (a + b) + 0.5 * (b - a) * xg
    w = 0.5 * (b - a) * wg
    c = np.cosh(0.5 * x)
    G = 2 * np.sum(w * dynes(x, d[:, None, None], g[:, None, None]) / (4 * c * c), axis=(1, 2))
    G[0] = 1.0  # T = Tc: normal state
    return CubicSpline(s, np.log(G))


def write_results(out, Jin, TR, TL):
    """The map as the physicist keeps it: results.csv (np.savetxt) and results.h5 (xarray, NetCDF-4)."""
    import xarray as xr

    J, R = np.meshgrid(Jin, TR, indexing="ij")
    np.savetxt(f"{out}/results.csv", np.column_stack([J.ravel(), R.ravel(), TL.ravel()]),
               delimiter=",", header="J_in,T_R,T_L", comments="", fmt="%.17g")
    ds = xr.Dataset({"T_L": (("J_in", "T_R"), TL, {"units": "K"})},
                    coords={"J_in": ("J_in", Jin, {"units": "W"}), "T_R": ("T_R", TR, {"units": "K"})})
    ds.to_netcdf(f"{out}/results.h5", engine="h5netcdf")


def main():
    spec = json.load(sys.stdin)
    dev = spec["device"]
    Tb = spec["Tbath"]
    TR = np.array(spec["T_R"])
    Jin = np.array(spec["J_in"])
    sc, nm = dev["left"]["superconductor"], dev["left"]["normal"]
    Tc, gamma = sc["Tc"], sc["gamma"]

    t0 = time.process_time()
    lnG = resistance_spline(Tc, gamma, Tmin=0.5 * min(Tb, TR.min()))

    def r_ratio(T):
        return np.where(T >= Tc, 1.0, np.exp(-lnG(np.log(Tc / np.minimum(T, Tc)))))

    jphs = CubicSpline(np.array(spec["phonon"]["T_L"]), np.array(spec["phonon"]["J_ph_S"]))
    t_tables = time.process_time() - t0

    t0 = time.process_time()
    jl, jr = dev["left"]["junction"], dev["right"]["junction"]
    C = jl["c"] * jl["area"] + jr["c"] * jr["area"]
    RR = r_ratio(TR) * jr["r0"] / jr["area"]

    def spectral(a, T):
        z = HBAR * a / (2 * np.pi * KB * T)
        return HBAR * a * a / (4 * np.pi) * (np.log(z) - 0.5 / z - digamma(z))

    def heat_out(TL, RRb, TRb):
        """J_γ + J_ph,N + J_ph,S at T_L (arrays broadcast with RRb, TRb)."""
        RL = r_ratio(TL) * jl["r0"] / jl["area"]
        s = RL + RRb
        a = s / (RL * RRb * C)
        Jg = 4 * RL * RRb / (s * s) * (spectral(a, TL) - spectral(a, TRb))
        Jn = nm["Sigma"] * nm["volume"] * (TL ** nm["n"] - Tb ** nm["n"])
        return Jg + Jn + jphs(TL)

    # Scan: G(T_L, T_R) = J_γ + J_ph on the grid does not depend on J_in.
    hi = Tc * (1 - 1e-12)
    u = np.arange(41) / 40
    grid = Tb + (hi - Tb) * np.expm1(3 * u) / np.expm1(3)
    Gs = heat_out(grid[None, :], RR[:, None], TR[:, None])  # (nTR, 41)
    F = Jin[:, None, None] - Gs[None, :, :]  # (nJin, nTR, 41)
    change = (F[..., :-1] > 0) & (F[..., 1:] <= 0)
    has = change.any(axis=-1)
    first = np.argmax(change, axis=-1)
    lo = grid[first]
    hi_ = grid[first + 1]
    # Vectorised bisection over every point that has a root, to a 1e-9 K bracket.
    iJ, iR = np.nonzero(has)
    lo, hi_ = lo[iJ, iR], hi_[iJ, iR]
    J, rr, tr = Jin[iJ], RR[iR], TR[iR]
    while np.max(hi_ - lo) > 1e-9:
        mid = 0.5 * (lo + hi_)
        pos = J - heat_out(mid, rr, tr) > 0
        lo = np.where(pos, mid, lo)
        hi_ = np.where(pos, hi_, mid)
    TL = np.full(has.shape, np.nan)
    TL[iJ, iR] = 0.5 * (lo + hi_)
    t_map = time.process_time() - t0

    if spec.get("out"):
        write_results(spec["out"], Jin, TR, TL)
    roots = [None if np.isnan(v) else float(v) for v in TL.ravel()]
    # The whole process so far (interpreter start-up, imports, input, tables, map, files if asked,
    # results as a list): what a user's run of the script costs, beside ndtc's whole `ndtc sweep`.
    process_cpu = time.process_time()
    json.dump({"tables_cpu_s": t_tables, "map_cpu_s": t_map, "process_cpu_s": process_cpu,
               "points": int(TL.size), "T_L": roots}, sys.stdout)


if __name__ == "__main__":
    main()
